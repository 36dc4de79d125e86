import type { NodeData } from "../registry";
import { Meta, Placeholder } from "../summary-parts";

export function HttpRequestSummary({ data }: { data: NodeData<"http_request"> }) {
  const mapped = data.responseMapping.filter((mapping) => mapping.variable !== "").length;
  return (
    <div className="space-y-1">
      <div className="flex min-w-0 items-center gap-1.5">
        <span className="shrink-0 rounded bg-blue-50 px-1 font-mono text-[10.5px] font-semibold text-blue-800">{data.method}</span>
        {data.url.trim() === "" ? (
          <Placeholder>No URL yet</Placeholder>
        ) : (
          <span className="truncate font-mono text-[11px] text-slate-700" title={data.url}>
            {data.url.replace(/^https?:\/\//i, "")}
          </span>
        )}
      </div>
      {mapped > 0 && (
        <Meta>
          Saves {mapped} {mapped === 1 ? "value" : "values"} from the response
        </Meta>
      )}
    </div>
  );
}

import type { NodeData } from "../registry";
import { Placeholder, SummaryLine, TemplateText } from "../summary-parts";

export function SetFieldSummary({ data }: { data: NodeData<"set_field"> }) {
  if (data.key === "") return <Placeholder>No {data.target === "field" ? "contact field" : "variable"} chosen</Placeholder>;
  return (
    <SummaryLine clamp={2}>
      <span className="font-mono text-[11px] text-slate-900">
        {data.target === "field" ? "contact" : "vars"}.{data.key}
      </span>{" "}
      = {data.value === "" ? <span className="italic text-slate-400">empty</span> : <TemplateText source={data.value} />}
    </SummaryLine>
  );
}

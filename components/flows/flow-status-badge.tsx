import type { FlowListItem } from "./use-flow-list";

const styles: Record<FlowListItem["status"], { label: string; className: string; dot: string }> = {
  draft: { label: "Draft", className: "bg-slate-100 text-slate-700 ring-slate-200", dot: "bg-slate-400" },
  published: { label: "Published", className: "bg-emerald-50 text-emerald-800 ring-emerald-200", dot: "bg-emerald-500" },
  changed: { label: "Unpublished changes", className: "bg-amber-50 text-amber-800 ring-amber-200", dot: "bg-amber-500" },
};

// Draft: never published. Published: the live version is the draft. Changed: live, with edits not yet live.
export function FlowStatusBadge({ status, publishedVersion }: { status: FlowListItem["status"]; publishedVersion: number | null }) {
  const style = styles[status];
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <span
        data-testid="flow-status"
        data-status={status}
        className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}
      >
        <span className={`size-1.5 rounded-full ${style.dot}`} aria-hidden />
        {style.label}
      </span>
      {status !== "draft" && publishedVersion !== null && <span className="pl-2 text-[11px] text-slate-500">Live: v{publishedVersion}</span>}
    </span>
  );
}

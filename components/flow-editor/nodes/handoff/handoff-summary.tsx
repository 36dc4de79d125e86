import type { NodeData } from "../registry";
import { Meta, SummaryLine, TemplateText } from "../summary-parts";

export function HandoffSummary({ data }: { data: NodeData<"handoff"> }) {
  const to = data.assignee ? `agent ${data.assignee}` : data.team ? `team ${data.team}` : "any available agent";
  return (
    <div className="space-y-0.5">
      <SummaryLine>
        To <span className="font-medium text-slate-900">{to}</span>
      </SummaryLine>
      {data.note.trim() !== "" && (
        <Meta>
          Note: <TemplateText source={data.note} />
        </Meta>
      )}
    </div>
  );
}

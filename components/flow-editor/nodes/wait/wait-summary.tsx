import type { NodeData } from "../registry";
import { SummaryLine } from "../summary-parts";

export function WaitSummary({ data }: { data: NodeData<"wait"> }) {
  const unit = data.amount === 1 ? data.unit.replace(/s$/, "") : data.unit;
  return (
    <SummaryLine>
      Wait <span className="font-semibold text-slate-900">{data.amount.toLocaleString("en-US")} {unit}</span>
    </SummaryLine>
  );
}

import type { NodeData } from "../registry";
import { SummaryLine } from "../summary-parts";

export function EndSummary({ data }: { data: NodeData<"end"> }) {
  return <SummaryLine>{data.closeConversation ? "End and close the conversation" : "End of flow"}</SummaryLine>;
}

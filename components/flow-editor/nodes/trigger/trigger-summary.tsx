import type { NodeData } from "../registry";
import { Chip, ChipRow, Placeholder, SummaryLine } from "../summary-parts";

const matchWords = { exact: "is", contains: "contains", starts_with: "starts with", regex: "matches" } as const;

export function TriggerSummary({ data }: { data: NodeData<"trigger"> }) {
  const starts: string[] = [];
  if (data.anyMessage) starts.push("Any first message");
  if (data.newContact) starts.push("New contact or follow");
  if (data.tagAdded) starts.push(`Tag "${data.tagAdded}" added`);
  if (data.refs.length > 0 || data.entryPointId) starts.push(`Link ref ${[...data.refs, ...(data.entryPointId ? ["entry point"] : [])].join(", ")}`);
  if (data.manual) starts.push("Started manually");
  if (starts.length === 0 && data.keywords.length === 0) return <Placeholder>Nothing starts this flow yet</Placeholder>;
  return (
    <div className="space-y-1">
      {data.keywords.length > 0 && (
        <ChipRow>
          {data.keywords.slice(0, 4).map((rule, index) => (
            <Chip key={index} tone="accent" title={`Message ${matchWords[rule.match]} "${rule.value}"`}>
              {rule.match === "regex" ? `/${rule.value}/` : rule.value}
            </Chip>
          ))}
          {data.keywords.length > 4 && <Chip>+{data.keywords.length - 4}</Chip>}
        </ChipRow>
      )}
      {starts.map((line) => (
        <SummaryLine key={line}>{line}</SummaryLine>
      ))}
    </div>
  );
}

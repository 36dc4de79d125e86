import type { NodeData } from "../registry";
import { Chip, ChipRow, Meta, Placeholder, SummaryLine, TemplateText } from "../summary-parts";

export function FaqSummary({ data }: { data: NodeData<"faq"> }) {
  const count = data.entries.length;
  return (
    <div className="space-y-1">
      {data.askFirst?.trim() && (
        <SummaryLine clamp={2}>
          <TemplateText source={data.askFirst} />
        </SummaryLine>
      )}
      {count === 0 ? (
        <Placeholder>No questions and answers yet</Placeholder>
      ) : (
        <>
          <Meta>
            {count} {count === 1 ? "answer" : "answers"} · match ≥ {Math.round(data.threshold * 100)}%
          </Meta>
          <ChipRow>
            {data.entries.slice(0, 3).map((entry) => (
              <Chip key={entry.id}>{entry.question || "(no question)"}</Chip>
            ))}
            {count > 3 && <Chip>+{count - 3}</Chip>}
          </ChipRow>
        </>
      )}
    </div>
  );
}

import type { AnswerType } from "@/flows-runtime";
import type { NodeData } from "../registry";
import { Chip, ChipRow, Meta, Placeholder, SummaryLine, TemplateText } from "../summary-parts";

const answerTypeLabels: Record<AnswerType, string> = {
  text: "Free text",
  choice: "Choice",
  number: "Number",
  email: "Email",
  phone: "Phone number",
  date: "Date",
  yes_no: "Yes / no",
};

// The choices themselves are the node's labelled output handles, listed right under this summary.
export function QuestionSummary({ data }: { data: NodeData<"question"> }) {
  const type = answerTypeLabels[data.answerType];
  const range = data.answerType === "number" ? numberRange(data.min, data.max) : "";
  return (
    <div className="space-y-1">
      {data.prompt.trim() === "" ? (
        <Placeholder>No question yet</Placeholder>
      ) : (
        <SummaryLine clamp={2}>
          <TemplateText source={data.prompt} />
        </SummaryLine>
      )}
      <ChipRow>
        <Chip tone="accent">{range ? `${type} ${range}` : type}</Chip>
        {data.answerType === "yes_no" && (
          <>
            <Chip>{data.yesLabel}</Chip>
            <Chip>{data.noLabel}</Chip>
          </>
        )}
        {data.answerType === "choice" && data.choices.length === 0 && <Chip tone="remove">No choices yet</Chip>}
      </ChipRow>
      {data.saveTo?.key && (
        <Meta>
          Saves to {data.saveTo.target === "field" ? "contact" : "vars"}.{data.saveTo.key}
        </Meta>
      )}
      {data.timeout && (
        <Meta>
          Gives up after {data.timeout.amount} {data.timeout.amount === 1 ? data.timeout.unit.replace(/s$/, "") : data.timeout.unit}
        </Meta>
      )}
    </div>
  );
}

function numberRange(min: number | undefined, max: number | undefined): string {
  const format = (n: number) => n.toLocaleString("en-US");
  if (min !== undefined && max !== undefined) return `${format(min)}–${format(max)}`;
  if (min !== undefined) return `≥ ${format(min)}`;
  if (max !== undefined) return `≤ ${format(max)}`;
  return "";
}

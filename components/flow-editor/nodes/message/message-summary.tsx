import type { NodeData } from "../registry";
import { Chip, ChipRow, Meta, Placeholder, SummaryLine, TemplateText } from "../summary-parts";

export function MessageSummary({ data }: { data: NodeData<"message"> }) {
  const empty = data.text.trim() === "" && !data.media && data.choices.length === 0;
  if (empty) return <Placeholder>No text yet</Placeholder>;
  return (
    <div className="space-y-1">
      {data.text.trim() !== "" && (
        <SummaryLine clamp={3}>
          <TemplateText source={data.text} />
        </SummaryLine>
      )}
      {data.media && <Meta>{mediaLabel(data.media.kind)}: {data.media.filename ?? data.media.url}</Meta>}
      {data.choices.length > 0 && (
        <ChipRow>
          {data.choices.map((choice) => (
            <Chip key={choice.id}>{choice.label || "(no label)"}</Chip>
          ))}
        </ChipRow>
      )}
    </div>
  );
}

function mediaLabel(kind: NonNullable<NodeData<"message">["media"]>["kind"]): string {
  return { image: "Image", file: "File", video: "Video", audio: "Audio" }[kind];
}

import type { NodeData } from "../registry";
import { Chip, ChipRow, Placeholder } from "../summary-parts";

export function TagSummary({ data }: { data: NodeData<"tag"> }) {
  if (data.add.length === 0 && data.remove.length === 0) return <Placeholder>No tags chosen</Placeholder>;
  return (
    <ChipRow>
      {data.add.map((tag) => (
        <Chip key={`+${tag}`} tone="add" title={`Adds "${tag}"`}>
          + {tag}
        </Chip>
      ))}
      {data.remove.map((tag) => (
        <Chip key={`-${tag}`} tone="remove" title={`Removes "${tag}"`}>
          − {tag}
        </Chip>
      ))}
    </ChipRow>
  );
}

import type { NodeData } from "../registry";
import { Meta, Placeholder } from "../summary-parts";

const barColours = ["#db2777", "#7c3aed", "#0284c7", "#059669", "#d97706", "#64748b"];

export function SplitSummary({ data }: { data: NodeData<"split"> }) {
  const total = data.branches.reduce((sum, branch) => sum + Math.max(0, branch.weight), 0);
  if (data.branches.length === 0) return <Placeholder>No branches yet</Placeholder>;
  if (total <= 0) return <Placeholder>Every branch has weight 0</Placeholder>;
  const shares = data.branches.map((branch) => Math.round((Math.max(0, branch.weight) / total) * 100));
  return (
    <div className="space-y-1">
      <div className="flex h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
        {data.branches.map((branch, index) => (
          <div key={branch.id} style={{ width: `${shares[index]}%`, backgroundColor: barColours[index % barColours.length] }} />
        ))}
      </div>
      <Meta>
        {data.branches.map((branch, index) => `${branch.label || `Branch ${index + 1}`} ${shares[index]}%`).join(" · ")}
        {data.sticky ? " · sticky" : ""}
      </Meta>
    </div>
  );
}

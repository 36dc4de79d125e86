// Tailwind needs literal class names, so each tag colour maps to a fixed set.
const colorClasses: Record<string, string> = {
  slate: "bg-slate-100 text-slate-700 ring-slate-300",
  red: "bg-red-50 text-red-700 ring-red-200",
  orange: "bg-orange-50 text-orange-700 ring-orange-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  emerald: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  teal: "bg-teal-50 text-teal-700 ring-teal-200",
  sky: "bg-sky-50 text-sky-700 ring-sky-200",
  indigo: "bg-indigo-50 text-indigo-700 ring-indigo-200",
  violet: "bg-violet-50 text-violet-700 ring-violet-200",
  rose: "bg-rose-50 text-rose-700 ring-rose-200",
};

export const tagColorNames = Object.keys(colorClasses);

export function TagChip({ name, color, onRemove }: { name: string; color: string; onRemove?: () => void }) {
  return (
    <span data-testid="tag-chip" data-tag-name={name} className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${colorClasses[color] ?? colorClasses.slate}`}>
      {name}
      {onRemove && (
        <button type="button" aria-label={`Remove tag ${name}`} data-testid="remove-tag-button" onClick={onRemove} className="ml-0.5 rounded-full px-1 hover:bg-black/10">
          ×
        </button>
      )}
    </span>
  );
}

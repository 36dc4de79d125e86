import { FlowPreview, type PreviewDocument } from "./flow-preview";

// One choice in the gallery: a preview of its steps, its name and what it does in one line.
export function TemplateCard({
  id,
  name,
  description,
  document,
  selected,
  onSelect,
}: {
  id: string;
  name: string;
  description: string;
  document: PreviewDocument | null;
  selected: boolean;
  onSelect: () => void;
}) {
  return (
    <button
      type="button"
      data-testid={`template-card-${id}`}
      aria-pressed={selected}
      onClick={onSelect}
      className={`group flex flex-col overflow-hidden rounded-lg border bg-white text-left transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${
        selected ? "border-indigo-500 ring-2 ring-indigo-500" : "border-slate-200 hover:border-slate-300 hover:shadow-sm"
      }`}
    >
      <div className="h-24 border-b border-slate-100 bg-slate-50">
        {document ? (
          <FlowPreview document={document} className="size-full p-2" />
        ) : (
          <div className="grid size-full place-items-center">
            <span className="grid size-9 place-items-center rounded-full border-2 border-dashed border-slate-300 text-lg text-slate-400">+</span>
          </div>
        )}
      </div>
      <div className="p-3">
        <p className="text-sm font-semibold text-slate-900">{name}</p>
        <p className="mt-0.5 line-clamp-2 text-xs text-slate-600" title={description}>
          {description}
        </p>
      </div>
    </button>
  );
}

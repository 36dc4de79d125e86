import type { ReactNode } from "react";

// Building blocks shared by the per-kind summaries, so every node reads the same way on the canvas.

export function SummaryLine({ children, clamp = 1 }: { children: ReactNode; clamp?: 1 | 2 | 3 }) {
  const clampClass = clamp === 1 ? "truncate" : clamp === 2 ? "line-clamp-2" : "line-clamp-3";
  return <p className={`${clampClass} break-words text-xs leading-5 text-slate-700`}>{children}</p>;
}

// Shown where content is still missing, so an empty step is visible at a glance.
export function Placeholder({ children }: { children: ReactNode }) {
  return <p className="text-xs italic leading-5 text-slate-400">{children}</p>;
}

const chipTones = {
  neutral: "bg-slate-100 text-slate-700",
  add: "bg-emerald-50 text-emerald-800 ring-1 ring-inset ring-emerald-200",
  remove: "bg-rose-50 text-rose-800 ring-1 ring-inset ring-rose-200",
  accent: "bg-indigo-50 text-indigo-800",
} as const;

export function Chip({ children, tone = "neutral", title }: { children: ReactNode; tone?: keyof typeof chipTones; title?: string }) {
  return (
    <span title={title} className={`inline-flex max-w-full items-center truncate rounded px-1.5 py-px text-[11px] font-medium leading-4 ${chipTones[tone]}`}>
      {children}
    </span>
  );
}

export function ChipRow({ children }: { children: ReactNode }) {
  return <div className="flex flex-wrap gap-1">{children}</div>;
}

// A small caption: "Saves to", "Times out after"...
export function Meta({ children }: { children: ReactNode }) {
  return <p className="truncate text-[11px] leading-4 text-slate-500">{children}</p>;
}

// Template text with its {{variables}} shown as tokens, so "Hi {{contact.first_name}}" reads as a sentence.
export function TemplateText({ source }: { source: string }) {
  const parts = source.split(/(\{\{[^}]*\}\})/g);
  return (
    <>
      {parts.map((part, index) => {
        const match = /^\{\{\s*([^|}]*?)\s*(\|[^}]*)?\}\}$/.exec(part);
        if (!match) return part;
        return (
          <span key={index} className="rounded bg-sky-50 px-1 font-mono text-[10.5px] text-sky-800">
            {match[1] || "?"}
          </span>
        );
      })}
    </>
  );
}

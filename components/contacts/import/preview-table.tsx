import type { PreviewRow } from "@/server/contacts/import/preview-import";

const actionLabels = { create: "New contact", merge: "Updates a contact", reject: "Rejected" } as const;

// The first rows after normalisation: what each becomes, or why it will be rejected.
export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <h2 className="px-4 pt-3 text-sm font-semibold text-slate-800">Preview of the first {rows.length} rows</h2>
      <table className="mt-2 w-full text-sm" data-testid="import-preview">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2">Line</th>
            <th className="px-3 py-2">Result</th>
            {keys.map((key) => (
              <th key={key} className="px-3 py-2">
                {key}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} data-testid="preview-row" data-line={row.line} data-action={row.action} className={`border-t border-slate-100 ${row.action === "reject" ? "bg-rose-50" : ""}`}>
              <td className="px-3 py-2 tabular-nums text-slate-500">{row.line}</td>
              <td className="px-3 py-2 whitespace-nowrap">{actionLabels[row.action]}</td>
              {row.problem ? (
                <td colSpan={Math.max(keys.length, 1)} className="px-3 py-2 text-rose-800" data-testid="preview-problem">
                  {row.problem}
                </td>
              ) : (
                keys.map((key) => (
                  <td key={key} className="px-3 py-2 text-slate-800">
                    {row.values[key] ?? ""}
                  </td>
                ))
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

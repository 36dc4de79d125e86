import type { Diagnostic } from "@/flows-runtime";

export function SeverityIcon({ severity }: { severity: Diagnostic["severity"] }) {
  return severity === "error" ? (
    <span aria-label="Error" title="Error" className="inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full bg-rose-600 text-[10px] font-bold text-white">
      !
    </span>
  ) : (
    <span aria-label="Warning" title="Warning" className="inline-flex h-4 w-4 shrink-0 items-center justify-center text-amber-500">
      ▲
    </span>
  );
}

// Active, disabled, or active with a recent error: the three states a row can be in.
export function ChannelStatusBadge({ status, failing }: { status: string; failing: boolean }) {
  const [label, className] =
    status === "disabled"
      ? ["Disabled", "bg-slate-100 text-slate-600 ring-slate-300"]
      : failing
        ? ["Needs attention", "bg-rose-50 text-rose-700 ring-rose-200"]
        : ["Active", "bg-emerald-50 text-emerald-700 ring-emerald-200"];
  return (
    <span data-testid="channel-status" className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}>
      {label}
    </span>
  );
}

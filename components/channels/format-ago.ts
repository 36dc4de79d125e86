import { formatLastEdit } from "@/components/flows/format-last-edit";

// "2 minutes ago" with the exact time as a tooltip; "never" when nothing arrived yet.
export function formatAgo(value: string | Date | null, now: Date): { label: string; title: string } {
  if (!value) return { label: "never", title: "" };
  return formatLastEdit(value, now);
}

// The name a marketer sees for a contact: the profile name, else first + last name, else email or phone.
export function contactDisplayName(displayName: string | null, fields: Record<string, unknown>): string {
  const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string).trim() : "");
  const full = [text("first_name"), text("last_name")].filter(Boolean).join(" ");
  return displayName?.trim() || full || text("email") || text("phone") || "Unnamed contact";
}

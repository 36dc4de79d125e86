// A question shows only the settings its answer type uses: choices for buttons, min / max for numbers...
export function questionHiddenFields(data: Record<string, unknown>): string[] {
  const type = typeof data.answerType === "string" ? data.answerType : "text";
  const hidden: string[] = [];
  if (type !== "choice") hidden.push("choices");
  if (type !== "number") hidden.push("min", "max");
  if (type !== "phone") hidden.push("defaultCountry");
  if (type !== "yes_no") hidden.push("yesLabel", "noLabel");
  return hidden;
}

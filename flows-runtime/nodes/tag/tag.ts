import { z } from "zod";
import { defineNodeKind, type DiagnosticDraft } from "../define-node-kind";

const tagNameSchema = z.string().trim().min(1);

export const tagDataSchema = z.object({
  add: z.array(tagNameSchema).default([]),
  remove: z.array(tagNameSchema).default([]),
});
export type TagData = z.infer<typeof tagDataSchema>;

export const tagNode = defineNodeKind({
  kind: "tag",
  data: tagDataSchema,
  ports: () => ["next"],
  waits: () => false,
  diagnose: (data) => diagnoseTag(data),
  run: (data, ctx) => {
    const tags = new Set(ctx.contact.tags);
    const added: string[] = [];
    const removed: string[] = [];
    // Only real changes are emitted: re-adding a tag the contact has would fire "tag added" triggers again.
    for (const tag of data.add) {
      if (!tags.has(tag)) {
        tags.add(tag);
        added.push(tag);
      }
    }
    for (const tag of data.remove) {
      if (tags.has(tag)) {
        tags.delete(tag);
        removed.push(tag);
      }
    }
    const note = [
      added.length ? `added ${added.join(", ")}` : "",
      removed.length ? `removed ${removed.join(", ")}` : "",
    ].filter(Boolean).join("; ");
    return {
      outcome: "next",
      port: "next",
      note: note || "no change: tags already as requested",
      actions: [
        ...added.map((tag) => ({ type: "add_tag" as const, nodeId: ctx.nodeId, tag })),
        ...removed.map((tag) => ({ type: "remove_tag" as const, nodeId: ctx.nodeId, tag })),
      ],
    };
  },
});

function diagnoseTag(data: TagData): DiagnosticDraft[] {
  const problems: DiagnosticDraft[] = [];
  if (data.add.length === 0 && data.remove.length === 0) {
    problems.push({ code: "no_tags", severity: "warning", message: "This step adds and removes no tags: choose at least one tag." });
  }
  const removing = new Set(data.remove);
  for (const tag of new Set(data.add)) {
    if (removing.has(tag)) {
      problems.push({ code: "tag_added_and_removed", severity: "warning", message: `"${tag}" is both added and removed here, so the contact ends up without it.` });
    }
  }
  return problems;
}

import { z } from "zod";

const cursorSchema = z.object({ v: z.string(), id: z.string().uuid() });
export type ContactCursor = z.infer<typeof cursorSchema>;

// The last row of a page: its sort value exactly as the database printed it (timestamps keep their
// microseconds, which a JS Date would drop and so repeat or skip rows) and its id, the tie-breaker.
export function encodeContactCursor(cursor: ContactCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

export function decodeContactCursor(text: string): ContactCursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

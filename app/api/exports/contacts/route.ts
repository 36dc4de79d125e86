import { createContext } from "@/server/api/context";
import { contactFilterSchema } from "@/server/contacts/contact-filter";
import { exportContactsCsv } from "@/server/contacts/export/export-contacts";
import { streamText } from "@/server/contacts/export/stream-text";

export const dynamic = "force-dynamic";

// GET /api/exports/contacts?filter=<contactFilterSchema JSON>: every matching contact as a CSV download,
// streamed a page at a time.
export async function GET(request: Request): Promise<Response> {
  const ctx = await createContext();
  if (!ctx.workspaceId) return new Response("This call needs a workspace.", { status: 401 });
  let raw: unknown = {};
  try {
    raw = JSON.parse(new URL(request.url).searchParams.get("filter") ?? "{}");
  } catch {
    return new Response("The filter is not valid JSON.", { status: 400 });
  }
  const filter = contactFilterSchema.safeParse(raw);
  if (!filter.success) return new Response(`The filter is not valid: ${filter.error.issues[0]?.message ?? ""}`, { status: 400 });
  const lines = exportContactsCsv(ctx.database, ctx.workspaceId, filter.data);
  const first = await lines.next();
  const date = new Date().toISOString().slice(0, 10);
  return new Response(streamText(first.done ? [] : [first.value], lines), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="contacts-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
}

import { createContext } from "@/server/api/context";
import { rejectionsCsv } from "@/server/contacts/import/rejections-csv";
import { DomainError } from "@/server/domain-errors";
import { streamText } from "@/server/contacts/export/stream-text";

export const dynamic = "force-dynamic";

// The rejected rows of an import as a CSV download (line, reason, the row's own cells).
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const ctx = await createContext();
  if (!ctx.workspaceId) return new Response("This call needs a workspace.", { status: 401 });
  const lines = rejectionsCsv(ctx.database, ctx.workspaceId, id);
  try {
    const first = await lines.next();
    return new Response(streamText(first.done ? [] : [first.value], lines), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="rejected-rows-${id.slice(0, 8)}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return new Response(error.message, { status: 404 });
    throw error;
  }
}

import { createContext } from "@/server/api/context";
import { MAX_IMPORT_BYTES, uploadImport } from "@/server/contacts/import/upload-import";

export const dynamic = "force-dynamic";

// Upload of a CSV file as raw bytes (not a tRPC mutation): the encoding is checked on the bytes
// themselves (UTF-8 with or without BOM; Shift_JIS and UTF-16 refused), and a 50,000-row file is neither
// decoded by the browser nor re-encoded as JSON. ?name= carries the file name.
export async function POST(request: Request): Promise<Response> {
  const ctx = await createContext();
  if (!ctx.workspaceId) return Response.json({ error: "This call needs a workspace." }, { status: 401 });
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_IMPORT_BYTES) return Response.json({ error: "The file is larger than 50 MB; split it into smaller files." }, { status: 413 });
  const bytes = new Uint8Array(await request.arrayBuffer());
  const name = new URL(request.url).searchParams.get("name") ?? "contacts.csv";
  const result = await uploadImport(ctx.database, { workspaceId: ctx.workspaceId, userId: ctx.userId }, { name, bytes });
  if (!result.ok) return Response.json({ error: result.error }, { status: 400 });
  return Response.json(result, { status: 201 });
}

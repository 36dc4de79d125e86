import { createContext } from "../api/context";
import { DomainError } from "../domain-errors";
import { getEntryPoint } from "./list-entry-points";
import { qrPng, qrSvg } from "./qr-image";

// The QR code download of one entry point of the caller's workspace; 404 for any other id.
export async function qrResponse(id: string, format: "png" | "svg"): Promise<Response> {
  const ctx = await createContext();
  if (!ctx.workspaceId) return new Response("This call needs a workspace.", { status: 401 });
  let view;
  try {
    view = await getEntryPoint(ctx.database, ctx.workspaceId, id);
  } catch (error) {
    if (error instanceof DomainError) return new Response(error.message, { status: 404 });
    throw error;
  }
  if (!view.link.ok) return new Response(view.link.error, { status: 409 });
  const fileName = `${view.name.replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "") || "entry-point"}-qr.${format}`;
  const headers = {
    "content-disposition": `attachment; filename="qr.${format}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "cache-control": "no-store",
  };
  if (format === "png") {
    const png = await qrPng(view.link.url);
    return new Response(new Uint8Array(png), { headers: { ...headers, "content-type": "image/png" } });
  }
  return new Response(await qrSvg(view.link.url), { headers: { ...headers, "content-type": "image/svg+xml; charset=utf-8" } });
}

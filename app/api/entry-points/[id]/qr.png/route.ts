import { qrResponse } from "@/server/entry-points/qr-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return qrResponse((await params).id, "png");
}

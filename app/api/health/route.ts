import { getKaiwa } from "@/server/boot";
import { checkHealth, healthStatusCode } from "@/server/health";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { database, queue } = await getKaiwa();
    const health = await checkHealth(database, queue);
    return Response.json(health, { status: healthStatusCode(health) });
  } catch (error) {
    return Response.json({ status: "unavailable", reason: `start-up failed: ${(error as Error).message}` }, { status: 503 });
  }
}

import { getKaiwa } from "../../boot";
import type { Database } from "../../db/client";
import { log } from "../../log";
import { jsonResponse } from "./webchat-http";

type Handler = (database: Database, publicKey: string, request: Request) => Promise<Response>;
type RouteContext = { params: Promise<{ publicKey: string }> };

// Adapts a web-chat handler to a Next route: the process's database, the key from the path, and a
// 503 (with CORS, so the widget can read it and retry) when Kaiwa is not up.
export function webchatRoute(handler: Handler) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const { publicKey } = await context.params;
    let database: Database;
    try {
      ({ database } = await getKaiwa());
    } catch {
      return jsonResponse(503, { error: "chat is unavailable, please try again shortly" });
    }
    try {
      return await handler(database, publicKey, request);
    } catch (error) {
      log.error("web chat request failed", { path: new URL(request.url).pathname, error });
      return jsonResponse(500, { error: "something went wrong, please try again" });
    }
  };
}

import type { RunningApp } from "./start-app";

// A tRPC procedure of the running app over plain HTTP, for a browser test's set-up: queries as GET
// (`kind: "query"`), mutations as POST. Throws with the server's error when the call fails.
export async function trpcCall<T>(app: Pick<RunningApp, "url">, path: string, input?: unknown, kind: "query" | "mutation" = "mutation"): Promise<T> {
  const query = kind === "query" ? `?input=${encodeURIComponent(JSON.stringify(input ?? null))}` : "";
  const response = await fetch(`${app.url}/api/trpc/${path}${query}`, {
    method: kind === "query" ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    ...(kind === "query" ? {} : { body: JSON.stringify(input ?? {}) }),
  });
  const json = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!json.result) throw new Error(`${path} failed: ${JSON.stringify(json.error)}`);
  return json.result.data;
}

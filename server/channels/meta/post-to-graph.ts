import type { FetchLike, SendResult } from "../channel-adapter";
import { graphErrorResult } from "./graph-error-result";
import { jsonReader, type JsonObject } from "./json-reader";

export const graphBaseUrl = "https://graph.facebook.com";
export const sendTimeoutMs = 10_000;

export type GraphPost = {
  url: string;
  accessToken: string;
  body: unknown;
  // Reads the platform's message id from a 2xx answer.
  externalId: (answer: JsonObject) => string | undefined;
  timeoutMs?: number;
};

// One POST to the Graph API with the token in the Authorization header (never in the URL, so it cannot
// reach a log line with it). Meta has no idempotency key: a timeout may still have sent the message, and
// the status webhooks are what reconcile it.
export async function postToGraph(fetch: FetchLike, post: GraphPost): Promise<SendResult> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(post.url, {
      method: "POST",
      headers: { authorization: `Bearer ${post.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify(post.body),
      signal: AbortSignal.timeout(post.timeoutMs ?? sendTimeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return { ok: false, retryable: true, error: describeFetchError(error) };
  }
  if (!response.ok) return graphErrorResult(response.status, response.headers, text, post.accessToken);
  let answer: JsonObject | undefined;
  try {
    answer = jsonReader.object(JSON.parse(text));
  } catch {
    answer = undefined;
  }
  const externalId = answer ? post.externalId(answer) : undefined;
  return externalId ? { ok: true, externalId } : { ok: true };
}

function describeFetchError(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return "Meta did not answer in time; the message may still have been sent (its status webhook will tell).";
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `Could not reach Meta's API (${error instanceof Error ? error.message : "network error"}${cause}).`;
}

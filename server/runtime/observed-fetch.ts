import type { FetchLike } from "../channels/channel-adapter";
import { deadlineSignal, type DeadlineSignal } from "./deadline-signal";
import { keepAliveFetch } from "./keep-alive-fetch";

// Errors that prove the request never left: no connection was made, so a resend cannot duplicate it.
const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

export type ObservedFetch = { fetch: FetchLike; outcomeUnknown: () => boolean; release: () => void };

// The fetch the sender hands to an adapter for one send. It remembers whether a call failed in a way
// that leaves its outcome unknown (a timeout, a connection dropped mid-request): the platform may have
// the message, so without an idempotency key it must not be resent blindly. `timeoutMs` caps every call,
// body included, until `release()` once the adapter has returned.
export function observedFetch(timeoutMs: number): ObservedFetch {
  let unknown = false;
  const deadlines: DeadlineSignal[] = [];
  return {
    outcomeUnknown: () => unknown,
    release: () => deadlines.splice(0).forEach((deadline) => deadline.clear()),
    fetch: async (input, init) => {
      const deadline = deadlineSignal(timeoutMs, init.signal);
      deadlines.push(deadline);
      try {
        return await keepAliveFetch(input, { ...init, signal: deadline.signal });
      } catch (error) {
        if (!neverSent(error)) unknown = true;
        throw error;
      }
    },
  };
}

function neverSent(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" && notSentCodes.has(cause.code);
}

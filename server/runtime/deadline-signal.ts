export type DeadlineSignal = { signal: AbortSignal; clear: () => void };

// An abort signal that fires after `ms`, or when `outer` does. Not AbortSignal.any([outer,
// AbortSignal.timeout(ms)]): Node holds the sources of `any()` weakly and can collect a pending timeout
// signal inside it, so the deadline silently never fires (nodejs/node#57736) and a send hangs. Here the
// timer is ours and holds the controller until `clear()` or the deadline.
export function deadlineSignal(ms: number, outer?: AbortSignal | null): DeadlineSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${ms} ms`, "TimeoutError")), ms);
  timer.unref();
  const followOuter = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener("abort", followOuter, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", followOuter);
    },
  };
}

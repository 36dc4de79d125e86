export type WechatFailure = { ok: false; retryable: boolean; error: string; retryAfterMs?: number; status?: number };

// WeChat answers HTTP 200 with `{ errcode, errmsg }`; these codes get a message a marketer can act on.
const known: Record<number, { retryable: boolean; message: string; retryAfterMs?: number }> = {
  [-1]: { retryable: true, message: "WeChat is busy (errcode -1); retrying later." },
  40001: { retryable: true, message: "WeChat refused the access token (errcode 40001)." },
  40014: { retryable: true, message: "WeChat refused the access token (errcode 40014)." },
  42001: { retryable: true, message: "The access token expired (errcode 42001)." },
  40013: { retryable: false, message: "WeChat does not recognise the AppID (errcode 40013): check it on the Channels page." },
  40125: { retryable: false, message: "WeChat refused the AppSecret (errcode 40125): check it on the Channels page." },
  40164: {
    retryable: false,
    message: "WeChat refused this server's IP address (errcode 40164): add it to the Official Account's IP whitelist (IP白名单).",
  },
  40003: { retryable: false, message: "The recipient is not a follower openid of this Official Account (errcode 40003)." },
  43004: { retryable: false, message: "The contact does not follow this Official Account (errcode 43004)." },
  45002: { retryable: false, message: "WeChat says the message is too long (errcode 45002)." },
  45009: { retryable: true, retryAfterMs: 60 * 60 * 1000, message: "The Official Account reached its daily API quota (errcode 45009)." },
  45015: {
    retryable: false,
    message:
      "WeChat only accepts customer-service messages within 48 hours of the contact's last interaction, and this contact has been silent longer (errcode 45015).",
  },
  45047: {
    retryable: false,
    message:
      "WeChat allows at most 5 customer-service messages per message from the contact; further ones wait until the contact writes again (errcode 45047).",
  },
  48001: {
    retryable: false,
    message: "This Official Account may not use the customer-service API: it needs to be a verified service account (errcode 48001).",
  },
};

export const wechatError = {
  network(doing: string, error: unknown): WechatFailure {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { ok: false, retryable: true, error: timedOut ? `WeChat did not answer in 10 s while ${doing}.` : `Could not reach WeChat while ${doing}.` };
  },

  http(doing: string, response: Response, text: string, now: number): WechatFailure {
    const status = response.status;
    if (status === 429 || status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
      return { ok: false, retryable: true, status, error: `WeChat answered HTTP ${status} while ${doing}.`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
    return { ok: false, retryable: false, status, error: `WeChat answered HTTP ${status} while ${doing}: ${text.slice(0, 200)}` };
  },

  errcode(doing: string, body: Record<string, unknown> | undefined): WechatFailure {
    const code = Number(body?.errcode);
    if (!body || !Number.isFinite(code)) return { ok: false, retryable: true, error: `WeChat gave an unreadable answer while ${doing}.` };
    const hit = known[code];
    if (hit) return { ok: false, retryable: hit.retryable, error: hit.message, ...(hit.retryAfterMs ? { retryAfterMs: hit.retryAfterMs } : {}) };
    const errmsg = typeof body.errmsg === "string" ? body.errmsg.slice(0, 200) : "";
    return { ok: false, retryable: false, error: `WeChat refused ${doing} (errcode ${code}): ${errmsg}` };
  },

  isTokenRejected(code: unknown): boolean {
    return code === 40001 || code === 42001 || code === 40014;
  },
};

function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

import type { z } from "zod";
import type { ChannelType, InboundMessage } from "@/flows-runtime";

// What a webhook request looked like, exactly as received. Signatures are checked on `rawBody`, never
// on a re-serialised object (Meta signs its escaped wire form).
export type RawWebhook = {
  method: string;
  // The public URL the platform called (from KAIWA_PUBLIC_URL, not the Host header): Twilio signs it.
  url: string;
  query: URLSearchParams;
  headers: Headers;
  rawBody: string;
};

// A channel as the adapter sees it: decrypted credentials, validated by the adapter's own schema.
export type AdapterChannel<Credentials> = {
  id: string;
  workspaceId: string;
  credentials: Credentials;
  // Override of the platform's API base URL (local fakes, proxies); null means the platform's own.
  apiBaseUrl: string | null;
  config: Record<string, unknown>;
};

// One event from a webhook payload, channel-neutral. A payload may carry many.
export type NormalisedEvent = {
  // Unique per channel for deduplication: the platform's own event/message id where it has one.
  dedupeKey: string;
  kind: "message" | "follow" | "unfollow" | "referral" | "status" | "echo" | "unknown";
  // The contact on the platform (PSID, wa_id, Telegram user id, LINE userId, phone number...).
  contact?: { externalId: string; profileName?: string };
  // The platform's own timestamp in ms, used to keep per-contact order.
  timestamp?: number;
  message?: InboundMessage;
  // Deep-link / ad / QR parameter that started the conversation.
  ref?: string;
  status?: { externalMessageId: string; status: "sent" | "delivered" | "read" | "failed"; error?: string };
  // Channel-specific details the sender may need later (LINE replyToken, Telegram callback_query id).
  context?: Record<string, string>;
  // A short human description for unknown events (shown on the Channels page), never secrets.
  note?: string;
};

export type VerifyResult = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export type HandshakeResult = { status: number; body: string; contentType?: string } | null;

export type SendRequest = {
  // The contact's id on the platform.
  to: string;
  // One payload from render(message, channel).payloads.
  payload: unknown;
  // Our outbox key: sent as the platform's idempotency key where it has one (LINE X-Line-Retry-Key).
  idempotencyKey: string;
  context?: Record<string, string>;
};

export type SendResult =
  | { ok: true; externalId?: string }
  // retryable: 429 / 5xx / network; retryAfterMs from the platform when it says so.
  | { ok: false; retryable: boolean; retryAfterMs?: number; error: string; status?: number };

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export class MalformedWebhookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedWebhookError";
  }
}

export type ChannelAdapter<Credentials = unknown> = {
  type: ChannelType;
  // What the Channels page asks for; secret fields are listed so they are never sent back in full.
  credentialsSchema: z.ZodType<Credentials>;
  secretFields: readonly (keyof Credentials & string)[];
  // The platform's verification handshake (GET hub.challenge, WeChat echostr...); null when the
  // request is not a handshake.
  handshake?: (request: RawWebhook, channel: AdapterChannel<Credentials>) => HandshakeResult;
  // Constant-time check on the raw body. No secret configured means reject (fail closed).
  verify: (request: RawWebhook, channel: AdapterChannel<Credentials>) => VerifyResult;
  // Throws MalformedWebhookError for a body that is not the platform's format.
  normalise: (request: RawWebhook, channel: AdapterChannel<Credentials>) => NormalisedEvent[];
  // The body to answer a verified webhook with (WeChat wants "success"); default "ok" / 200.
  acknowledge?: () => { body: string; contentType: string };
  send: (request: SendRequest, channel: AdapterChannel<Credentials>, fetch: FetchLike) => Promise<SendResult>;
  // Called once an inbound message has been handled, with its context, for platforms that want each
  // interaction acknowledged (Telegram's answerCallbackQuery stops the tapped button's spinner). Null
  // when this event needs none.
  answerInteraction?: (context: Record<string, string>, channel: AdapterChannel<Credentials>, fetch: FetchLike) => Promise<SendResult> | null;
  // True when `send` passes SendRequest.idempotencyKey to the platform and the platform honours it
  // (LINE X-Line-Retry-Key, Twilio I-Twilio-Idempotency-Token): a send whose outcome is unknown (the
  // worker died mid-call) may then be resent safely. Otherwise the runtime never resends it blindly.
  idempotentSends?: boolean;
};

export function defineChannelAdapter<Credentials>(adapter: ChannelAdapter<Credentials>): ChannelAdapter<Credentials> {
  return adapter;
}

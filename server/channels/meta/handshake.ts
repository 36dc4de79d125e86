import { createHash, timingSafeEqual } from "node:crypto";
import type { HandshakeResult, RawWebhook } from "../channel-adapter";

// Meta echoes back only a number; refusing anything else keeps this endpoint from reflecting markup.
const challengePattern = /^[A-Za-z0-9._-]{1,256}$/;

// Meta's subscription check, shared by WhatsApp, Messenger and Instagram:
// GET ?hub.mode=subscribe&hub.verify_token=<ours>&hub.challenge=<n> → 200 with the challenge as the body.
// Returns null for a request that is not this handshake.
export function metaHandshake(request: RawWebhook, verifyToken: string | undefined): HandshakeResult {
  if (request.method.toUpperCase() !== "GET") return null;
  const mode = request.query.get("hub.mode");
  if (mode === null) return null;
  if (mode !== "subscribe") return refuse(400, "hub.mode must be subscribe.");
  if (!verifyToken) return refuse(403, "This channel has no verify token configured.");
  const given = request.query.get("hub.verify_token") ?? "";
  if (!sameSecret(given, verifyToken)) return refuse(403, "hub.verify_token does not match this channel's verify token.");
  const challenge = request.query.get("hub.challenge") ?? "";
  if (!challengePattern.test(challenge)) return refuse(400, "hub.challenge is missing or not a plain token.");
  return { status: 200, body: challenge, contentType: "text/plain; charset=utf-8" };
}

// Hashing first gives equal-length buffers, so the comparison time says nothing about the token's length.
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function refuse(status: number, body: string): HandshakeResult {
  return { status, body, contentType: "text/plain; charset=utf-8" };
}

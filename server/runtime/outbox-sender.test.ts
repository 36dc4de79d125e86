import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metaTestKit } from "../channels/meta/meta-test-kit";
import { startFakeWhatsappApi, type FakeWhatsappApi } from "../channels/whatsapp/fake-whatsapp-api";
import { startHarness, type Harness } from "./testing/runtime-harness";

const appSecret = "wa-secret-outbox";
const phoneNumberId = "1065403599";
let sequence = 0;

function whatsappWebhook(value: Record<string, unknown>): string {
  return JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { phone_number_id: phoneNumberId }, ...value } }] }] });
}
const textFrom = (waId: string, text: string) =>
  whatsappWebhook({ contacts: [{ wa_id: waId, profile: { name: "Ren" } }], messages: [{ from: waId, id: `wamid.outbox${++sequence}`, timestamp: String(Math.floor(Date.now() / 1000)), type: "text", text: { body: text } }] });
const statusOf = (waId: string, wamid: string, status: string) =>
  whatsappWebhook({ statuses: [{ id: wamid, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: waId }] });

// WhatsApp has no idempotency key: a send whose outcome is unknown must never be repeated blindly.
describe("the outbox sender when the platform's answer is lost", () => {
  let harness: Harness;
  let api: FakeWhatsappApi;
  let channelId: string;
  const post = (body: string) => harness.post("whatsapp", channelId, body, { "content-type": "application/json", "x-hub-signature-256": metaTestKit.sign(body, appSecret) });
  const outbound = (waId: string) =>
    harness.database.query<{ text: string; status: string; error: string | null; external_id: string | null }>(
      `select m.content->'payload'->'text'->>'body' as text, m.status, m.error, m.external_id from messages m
       join contact_identities ci on ci.contact_id = m.contact_id where ci.external_id = $1 and m.direction = 'outbound' order by m.seq`,
      [waId],
    );

  beforeAll(async () => {
    harness = await startHarness({ sendTimeoutMs: 400 });
    api = await startFakeWhatsappApi();
    channelId = await harness.createChannel("whatsapp", { phoneNumberId, accessToken: "EAAoutbox", appSecret, verifyToken: "verify-outbox" }, api.url);
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  it("a timed-out send is marked unconfirmed, not resent, and a status webhook later confirms it", async () => {
    const waId = "819055556666";
    api.delayNext(1_500);
    await post(textFrom(waId, "hi"));
    await expect.poll(async () => (await outbound(waId)).map((row) => row.status), { timeout: 10_000 }).toEqual(["unconfirmed", "sent"]);
    // The slow answer did arrive at the platform: give a wrongly scheduled resend time to show itself.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await harness.settle();
    const welcomes = api.requests.filter((request) => (request.json as { to?: string }).to === waId && (request.json as { type?: string }).type === "text");
    expect(welcomes).toHaveLength(1);
    const [welcome] = await outbound(waId);
    expect(welcome).toMatchObject({ text: "Hi Ren! Welcome! Three quick questions so we can help you better.", external_id: null, error: expect.stringMatching(/Not resent, to avoid a duplicate/) });

    const wamid = (JSON.parse(welcomes[0]!.response) as { messages: { id: string }[] }).messages[0]!.id;
    await post(statusOf(waId, wamid, "delivered"));
    await harness.settle();
    expect((await outbound(waId))[0]).toMatchObject({ status: "delivered", external_id: wamid, error: null });
  });

  it("a send that could not connect at all is retried, and delivered once the platform is back", async () => {
    const closedPort = await unusedPort();
    const offline = await harness.createChannel("whatsapp", { phoneNumberId, accessToken: "EAAoutbox", appSecret, verifyToken: "verify-outbox" }, `http://127.0.0.1:${closedPort}`);
    const waId = "819077778888";
    const body = textFrom(waId, "hi");
    await harness.post("whatsapp", offline, body, { "content-type": "application/json", "x-hub-signature-256": metaTestKit.sign(body, appSecret) });
    await expect
      .poll(async () => (await harness.database.query<{ last_error: string | null }>("select last_error from outbox where channel_id = $1 order by seq limit 1", [offline]))[0]?.last_error, { timeout: 10_000 })
      .toMatch(/Could not reach Meta's API/);
    const [row] = await harness.database.query<{ status: string; attempts: number }>("select status, attempts from outbox where channel_id = $1 order by seq limit 1", [offline]);
    expect(row!.status).toBe("pending");
    expect(row!.attempts).toBeGreaterThanOrEqual(1);
    // Point the channel at the platform again: the pending retry goes out there, once.
    await harness.database.query("update channels set api_base_url = $2 where id = $1", [offline, api.url]);
    await expect.poll(async () => (await outbound(waId)).map((message) => message.status), { timeout: 15_000 }).toEqual(["sent", "sent"]);
    expect(api.requests.filter((request) => (request.json as { to?: string }).to === waId)).toHaveLength(2);
  });
});

function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

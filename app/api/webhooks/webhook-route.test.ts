import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metaTestKit } from "@/server/channels/meta/meta-test-kit";
import { startFakeWhatsappApi, type FakeWhatsappApi } from "@/server/channels/whatsapp/fake-whatsapp-api";
import { startApp, type RunningApp } from "@/server/testing/browser/start-app";

const appSecret = "next-route-app-secret";
const verifyToken = "next-route-verify-token";
const waId = "819012340000";

// Meta signs the body exactly as sent, escapes included: the route must verify these very bytes.
const textWebhook = (id: string, text: string) =>
  `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"1065409"},"contacts":[{"wa_id":"${waId}","profile":{"name":"Y\\u016bki"}}],"messages":[{"from":"${waId}","id":"${id}","timestamp":"${Math.floor(Date.now() / 1000)}","type":"text","text":{"body":"${text}"}}]}}]}]}`;

// The production build's Next route handler (not the runtime's own server): the same webhook handling
// in the process that also serves the app, on its embedded database or PostgreSQL.
describe("the Next.js webhook route in the built app", () => {
  let app: RunningApp;
  let api: FakeWhatsappApi;
  let channelId: string;
  const webhook = (path: string, init?: RequestInit) => fetch(`${app.url}/api/webhooks/${path}`, init);
  const signedPost = (body: string, signature = metaTestKit.sign(body, appSecret)) =>
    webhook(`whatsapp/${channelId}`, { method: "POST", body, headers: { "content-type": "application/json", "x-hub-signature-256": signature } });
  const sentTo = () => api.requests.filter((request) => (request.json as { to?: string }).to === waId);

  beforeAll(async () => {
    api = await startFakeWhatsappApi();
    app = await startApp({ name: "webhook-route" });
    const created = await fetch(`${app.url}/api/trpc/channels.create`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "whatsapp", name: "Shop number", credentials: { phoneNumberId: "1065409", accessToken: "EAAroute", appSecret, verifyToken }, apiBaseUrl: api.url }),
    });
    expect(created.status).toBe(200);
    channelId = ((await created.json()) as { result: { data: { id: string } } }).result.data.id;
  }, 600_000);
  afterAll(async () => {
    await app?.stop();
    await api?.close();
  });

  it("answers Meta's verification handshake", async () => {
    const answer = await webhook(`whatsapp/${channelId}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=8613`);
    expect([answer.status, await answer.text()]).toEqual([200, "8613"]);
    expect((await webhook(`whatsapp/${channelId}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=8613`)).status).toBe(403);
  });

  it("verifies the raw body, answers 200, and the published survey replies through the send API", async () => {
    const body = textWebhook("wamid.ROUTE1", "Sch\\u00f6n \\/ hello");
    expect((await signedPost(body)).status).toBe(200);
    expect((await signedPost(body)).status).toBe(200);
    await expect.poll(() => sentTo().length, { timeout: 20_000 }).toBe(2);
    expect(sentTo().map((request) => request.json)).toMatchObject([
      { type: "text", text: { body: "Hi Yūki! Welcome! Three quick questions so we can help you better." } },
      { type: "interactive", interactive: { type: "button", body: { text: "What brings you here?" } } },
    ]);
    // The duplicate delivery was stored once and answered once.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sentTo()).toHaveLength(2);
  });

  it("refuses a wrong or re-serialised signature, a malformed body and an unknown channel", async () => {
    const body = textWebhook("wamid.ROUTE2", "caf\\u00e9");
    const wrong = await signedPost(body, metaTestKit.sign(body, "guessed-secret"));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain(metaTestKit.sign(body, appSecret));
    expect((await signedPost(JSON.stringify(JSON.parse(body)), metaTestKit.sign(body, appSecret))).status).toBe(401);
    expect((await signedPost("{not json")).status).toBe(400);
    const unknown = await webhook("whatsapp/7a1c2b3d-0000-4000-8000-000000000000", { method: "POST", body, headers: { "x-hub-signature-256": metaTestKit.sign(body, appSecret) } });
    expect(unknown.status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sentTo()).toHaveLength(2);
  });
});

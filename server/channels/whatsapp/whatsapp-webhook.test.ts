import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metaTestKit } from "../meta/meta-test-kit";
import { metaWebhookChecks, startMetaWebhookKit, type MetaTestChannel, type MetaWebhookKit } from "../meta/meta-webhook-kit";
import { startFakeWhatsappApi } from "./fake-whatsapp-api";

const phoneNumberId = "106540352242922";
const credentials = { phoneNumberId, accessToken: "EAAwhatsappToken0123456789", appSecret: "wa-app-secret-5e6f7a", verifyToken: "wa-verify-token-42" };
const fixture = (name: string) => metaTestKit.fixture(import.meta.url, `${name}.json`);
const sheena = "16505551234";
const hanako = "819012345678";
const welcome = (name: string) => `Hi ${name}! Welcome! Three quick questions so we can help you better.`;
const askSize = "How many people work at your company?";

type WaMessage = Record<string, unknown>;
// `entry[].changes[].value` as Meta sends it for this channel's number.
function whatsappBody(value: { contacts?: { wa_id: string; name: string }[]; messages?: WaMessage[]; statuses?: WaMessage[] }): string {
  const { contacts, ...rest } = value;
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: phoneNumberId },
              ...(contacts ? { contacts: contacts.map((c) => ({ profile: { name: c.name }, wa_id: c.wa_id })) } : {}),
              ...rest,
            },
          },
        ],
      },
    ],
  });
}
const text = (from: string, id: string, body: string, at: number): WaMessage => ({ from, id, timestamp: String(at), type: "text", text: { body } });
const statusOf = (id: string, status: string, at: number, extra: WaMessage = {}): WaMessage => ({ id, status, timestamp: String(at), recipient_id: sheena, ...extra });

type WaSend = { to: string; type: string; text?: { body: string }; interactive?: { type: string; body: { text: string }; action: { buttons: { type: string; reply: { id: string; title: string } }[] } } };
const sendOf = (json: unknown) => json as WaSend;
const wamidOf = (response: string) => (JSON.parse(response) as { messages: { id: string }[] }).messages[0]!.id;

describe("WhatsApp Cloud API webhooks over HTTP (onboarding survey)", () => {
  let kit: MetaWebhookKit;

  beforeAll(async () => {
    kit = await startMetaWebhookKit({
      type: "whatsapp",
      credentials,
      startFakeApi: () => startFakeWhatsappApi({ accessToken: credentials.accessToken, phoneNumberId }),
      recipientOf: (json) => sendOf(json).to,
      textOf: (json) => sendOf(json).text?.body ?? sendOf(json).interactive?.body.text,
    });
  });
  afterAll(async () => {
    await kit?.close();
  });

  // Sheena's first text on `channel`: the survey welcomes her and waits on its choice question.
  async function startSurvey(channel: MetaTestChannel, id: string): Promise<void> {
    expect((await channel.post(whatsappBody({ contacts: [{ wa_id: sheena, name: "Sheena Nelson" }], messages: [text(sheena, id, "hello", 1749416380)] }))).status).toBe(200);
    await kit.harness.settle();
    expect(channel.textsTo(sheena)).toEqual([welcome("Sheena"), "What brings you here?"]);
  }

  // Sheena taps the reply button titled `title` of the question the survey sent her.
  async function tapButton(channel: MetaTestChannel, id: string, title: string): Promise<void> {
    const question = channel.delivered().filter((request) => sendOf(request.json).type === "interactive").at(-1)!;
    const button = sendOf(question.json).interactive!.action.buttons.find((b) => b.reply.title === title)!.reply;
    const tap = {
      from: sheena,
      id,
      timestamp: "1749416390",
      type: "interactive",
      context: { from: "15550783881", id: wamidOf(question.response) },
      interactive: { type: "button_reply", button_reply: { id: button.id, title: button.title } },
    };
    expect((await channel.post(whatsappBody({ contacts: [{ wa_id: sheena, name: "Sheena Nelson" }], messages: [tap] }))).status).toBe(200);
    await kit.harness.settle();
  }

  it("answers Meta's verification handshake only for the right verify token", async () => {
    await metaWebhookChecks.handshake(await kit.newChannel(), credentials.verifyToken);
  });

  it("answers a signed text with the survey's welcome and reply buttons, and stores the wamids", async () => {
    const channel = await kit.newChannel();
    expect(await channel.post(fixture("text"))).toEqual({ status: 200, body: "ok" });
    await kit.harness.settle();
    const sent = channel.delivered();
    expect(sent.map((request) => request.path)).toEqual([`/v23.0/${phoneNumberId}/messages`, `/v23.0/${phoneNumberId}/messages`]);
    expect(sent.every((request) => request.headers.authorization === `Bearer ${credentials.accessToken}`)).toBe(true);
    expect(sent[0]!.json).toMatchObject({ messaging_product: "whatsapp", recipient_type: "individual", to: sheena, type: "text", text: { body: welcome("Sheena") } });
    expect(sent[1]!.json).toMatchObject({ to: sheena, type: "interactive", interactive: { type: "button", body: { text: "What brings you here?" } } });
    const buttons = sendOf(sent[1]!.json).interactive!.action.buttons;
    expect(buttons.map((button) => [button.type, button.reply.title])).toEqual([
      ["reply", "Pricing and plans"],
      ["reply", "Help with my account"],
      ["reply", "Just looking around"],
    ]);
    const rows = await channel.outbound();
    expect(rows.map((row) => [row.status, row.external_id])).toEqual(sent.map((request) => ["sent", wamidOf(request.response)]));
    expect(await channel.contacts()).toEqual([{ external_id: sheena, profile_name: "Sheena Nelson", display_name: "Sheena Nelson", first_name: "Sheena" }]);
  });

  it("resumes the waiting question when the contact taps a reply button", async () => {
    const channel = await kit.newChannel();
    await startSurvey(channel, "wamid.TAPSTART1");
    await tapButton(channel, "wamid.TAP0001", "Help with my account");
    expect(channel.textsTo(sheena)).toEqual([welcome("Sheena"), "What brings you here?", askSize]);
    const [contact] = await kit.harness.database.query<{ interest: string; tags: string[] }>(
      `select c.fields->>'interest' as interest, array(select t.name from contact_tags ct join tags t on t.id = ct.tag_id where ct.contact_id = c.id) as tags
       from contacts c join contact_identities ci on ci.contact_id = c.id where ci.channel_id = $1`,
      [channel.id],
    );
    expect(contact).toEqual({ interest: "Help with my account", tags: ["interest-support"] });
  });

  it("moves statuses forward only (sent, delivered, read) and records a failure's reason", async () => {
    const channel = await kit.newChannel();
    await startSurvey(channel, "wamid.STATUSSTART1");
    await tapButton(channel, "wamid.STATUSTAP1", "Pricing and plans");
    const [welcomeId, questionId, sizeId] = (await channel.outbound()).map((row) => row.external_id!);
    const reengagement = { code: 131047, title: "Re-engagement message", message: "Re-engagement message", error_data: { details: "More than 24 hours have passed since the customer last replied." } };
    const batches = [
      [statusOf(welcomeId!, "delivered", 1749416401), statusOf(questionId!, "read", 1749416402)],
      // Late and out of order: the question was read already, so its "delivered" changes nothing.
      [statusOf(welcomeId!, "read", 1749416403), statusOf(questionId!, "delivered", 1749416400)],
      [statusOf(sizeId!, "failed", 1749416404, { errors: [reengagement] }), statusOf("wamid.NEVERSENTBYUS", "read", 1749416405)],
    ];
    const seen: string[][] = [];
    for (const statuses of batches) {
      expect((await channel.post(whatsappBody({ statuses }))).status).toBe(200);
      await kit.harness.settle();
      seen.push((await channel.outbound()).map((row) => row.status));
    }
    expect(seen).toEqual([
      ["delivered", "read", "sent"],
      ["read", "read", "sent"],
      ["read", "read", "failed"],
    ]);
    expect((await channel.outbound())[2]!.error).toBe("131047 Re-engagement message: More than 24 hours have passed since the customer last replied.");
    expect((await channel.events()).filter((event) => event.kind === "status").every((event) => event.processed && event.error === null)).toBe(true);
  });

  it("refuses wrong, missing and re-serialised signatures with nothing stored and no secret shown", async () => {
    const raw = `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"${phoneNumberId}"},"messages":[{"from":"4915112345678","id":"wamid.ESCAPED1","timestamp":"1749416600","type":"text","text":{"body":"Sch\\u00f6n: https:\\/\\/kaiwa.example"}}]}}]}]}`;
    const forged = await kit.newChannel();
    await metaWebhookChecks.forgedSignatures(kit, forged, raw, credentials.appSecret);
    const [inbound] = await kit.harness.database.query<{ text: string }>("select content->>'text' as text from messages where channel_id = $1 and direction = 'inbound'", [forged.id]);
    expect(inbound!.text).toBe("Schön: https://kaiwa.example");
  });

  it("answers 400 to a signed body that is not a WhatsApp webhook, and stores nothing", async () => {
    await metaWebhookChecks.malformedBodies(kit, await kit.newChannel(), "page");
  });

  it("creates and answers every contact of a batch with several entries, changes and messages", async () => {
    const batch = await kit.newChannel();
    expect((await batch.post(fixture("batch"))).status).toBe(200);
    await kit.harness.settle();
    expect(await batch.contacts()).toEqual([
      { external_id: sheena, profile_name: "Sheena Nelson", display_name: "Sheena Nelson", first_name: "Sheena" },
      { external_id: hanako, profile_name: "山田 花子", display_name: "山田 花子", first_name: "山田" },
    ]);
    // Sheena's second text answers the choice question and is not one of its options.
    expect(batch.textsTo(sheena)).toEqual([welcome("Sheena"), "What brings you here?", "Sorry, I didn't get that. Please choose one of the options below, or reply with its number."]);
    expect(batch.textsTo(hanako)).toEqual([welcome("山田"), "What brings you here?"]);
    const events = await batch.events();
    expect(events.map((event) => [event.dedupe_key, event.kind])).toEqual([
      ["wamid.BATCH0001", "message"],
      ["wamid.BATCH0002", "message"],
      ["wamid.BATCH0003", "message"],
      ["wamid.SENTBYKAIWA0003:delivered", "status"],
    ]);
    expect(events.every((event) => event.processed && event.error === null)).toBe(true);
  });

  it("stores a WhatsApp Business app echo without answering it or creating a contact", async () => {
    const echo = await kit.newChannel();
    expect((await echo.post(fixture("echo"))).status).toBe(200);
    await kit.harness.settle();
    expect((await echo.events()).map((event) => [event.dedupe_key, event.kind, event.processed])).toEqual([["wamid.ECHO0001", "echo", true]]);
    expect(echo.requests()).toEqual([]);
    expect(await echo.contacts()).toEqual([]);
  });

  it("stores reactions, unsupported types, template updates and other numbers' messages as visible unknown events", async () => {
    const unknown = await kit.newChannel();
    expect((await unknown.post(fixture("unknown"))).status).toBe(200);
    await kit.harness.settle();
    const events = await unknown.events();
    expect(events.map((event) => [event.kind, event.processed, event.error])).toEqual(Array.from({ length: 4 }, () => ["unknown", true, null]));
    expect(events.map((event) => event.note)).toEqual([
      "WhatsApp reaction 👍 to a message.",
      'WhatsApp "unsupported" message: Message type unknown, not read by flows.',
      'WhatsApp "message_template_status_update" update, not a message.',
      `WhatsApp event for phone number id 999999999999999, not this channel's ${phoneNumberId}.`,
    ]);
    expect(unknown.requests()).toEqual([]);
  });

  it("stores and answers the same webhook delivered twice only once", async () => {
    const twice = await kit.newChannel();
    const body = whatsappBody({ contacts: [{ wa_id: hanako, name: "山田 花子" }], messages: [text(hanako, "wamid.TWICE0001", "こんにちは", 1749416700)] });
    const answers = await Promise.all([twice.post(body), twice.post(body)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    await kit.harness.settle();
    expect((await twice.events()).map((event) => event.dedupe_key)).toEqual(["wamid.TWICE0001"]);
    expect(twice.textsTo(hanako)).toEqual([welcome("山田"), "What brings you here?"]);
  });

  it("retries a 429 and a 500 until the message is delivered once, and fails a permanent 400 with Meta's reason", async () => {
    const flaky = await kit.newChannel();
    // The Cloud API sends no Retry-After: the sender's own backoff (1 s, 2 s) paces the retries.
    kit.api.failNext(429);
    kit.api.failNext(500);
    await flaky.post(whatsappBody({ contacts: [{ wa_id: sheena, name: "Sheena Nelson" }], messages: [text(sheena, "wamid.FLAKY0001", "hello", 1749416800)] }));
    await flaky.drainOutbox();
    expect(flaky.requests().map((request) => [request.status, sendOf(request.json).text?.body ?? sendOf(request.json).interactive?.body.text])).toEqual([
      [429, welcome("Sheena")],
      [500, welcome("Sheena")],
      [200, welcome("Sheena")],
      [200, "What brings you here?"],
    ]);
    expect((await flaky.outbound()).map((row) => [row.status, row.error])).toEqual([
      ["sent", null],
      ["sent", null],
    ]);

    const refused = await kit.newChannel();
    kit.api.failNext(400);
    await refused.post(whatsappBody({ contacts: [{ wa_id: hanako, name: "山田 花子" }], messages: [text(hanako, "wamid.REFUSED0001", "hello", 1749416900)] }));
    await refused.drainOutbox();
    expect(refused.requests().map((request) => request.status)).toEqual([400, 200]);
    expect((await refused.outbound()).map((row) => [row.status, row.error])).toEqual([
      ["failed", "Meta error 100: (#100) Invalid parameter"],
      ["sent", null],
    ]);
  });
});

import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channels } from "@/drizzle/schema";
import { channelTypes, type ChannelType } from "@/flows-runtime";
import { seedDemoWorkspace } from "../../../db/seed";
import { createTestDatabase, testBackend, type TestDatabase } from "../../../testing/test-database";
import { createCaller } from "../../root";

// Valid credentials for every type. Each is a superset of the names adapters use (object schemas drop
// unknown keys), with values that pass the adapters' formats.
const BOT_TOKEN = "123456789:AAHsecretBotTokenValue_xyz987";
const APP_SECRET = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
const meta = { appSecret: APP_SECRET, verifyToken: "verify-me-please-42", apiVersion: "v23.0" };
const validCredentials: Record<ChannelType, Record<string, string>> = {
  whatsapp: { ...meta, accessToken: "EAAGwhatsappAccessToken0001", phoneNumberId: "106540352242922", businessAccountId: "102290129340398", wabaId: "102290129340398" },
  messenger: { ...meta, pageId: "1234567890", pageAccessToken: "EAAGmessengerPageToken0002" },
  instagram: { ...meta, instagramAccountId: "17841400000000000", pageAccessToken: "EAAGinstagramPageToken0003", pageId: "1234567890" },
  telegram: { botToken: BOT_TOKEN, secretToken: "tg_secret_token_42", botUsername: "kaiwa_test_bot" },
  line: { channelSecret: "0123456789abcdef0123456789abcdef", channelAccessToken: "lineChannelAccessTokenValue0004" },
  viber: { authToken: "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51f", botName: "Kaiwa", senderName: "Kaiwa" },
  wechat: { appId: "wx1234567890abcdef", appSecret: "wechatAppSecretValue0005", token: "wechat_token_42" },
  sms: { accountSid: "AC0123456789abcdef0123456789abcdef", authToken: "twilioAuthTokenValue000000000006", from: "+15551234567", fromNumber: "+15551234567" },
  webchat: {},
};

describe(`channels router on ${testBackend()}`, () => {
  let database: TestDatabase;
  let caller: ReturnType<typeof createCaller>;
  let stranger: ReturnType<typeof createCaller>;
  let workspaceId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const demo = await seedDemoWorkspace(database);
    workspaceId = demo.workspaceId;
    caller = createCaller({ database, queue: null, workspaceId: demo.workspaceId, userId: demo.ownerId });
    const [other] = await database.query<{ id: string }>("insert into workspaces (slug, name) values ('other', 'Other') returning id");
    stranger = createCaller({ database, queue: null, workspaceId: other!.id, userId: demo.ownerId });
  });
  afterAll(async () => {
    await database.drop();
  });

  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as TRPCError);

  it.each(channelTypes)("connects a %s channel with valid credentials and lists it with its webhook URL", async (type) => {
    const created = await caller.channels.create({ type, name: `My ${type}`, credentials: validCredentials[type] });
    const listed = (await caller.channels.list()).find((channel) => channel.id === created.id);
    expect(listed).toMatchObject({ type, name: `My ${type}`, status: "active", lastWebhookAt: null, lastError: null });
    expect(listed!.webhookUrl).toMatch(new RegExp(`/api/webhooks/${type}/${created.id}$`));
    expect(listed!.counts).toEqual({ eventsLastDay: 0, unprocessed: 0, errorsLastDay: 0, failedOutboundLastDay: 0 });
    if (type === "webchat") expect(listed!.publicKey).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    else expect(listed!.publicKey).toBeNull();
  });

  it("gives each web chat channel its own public key and embed snippet", async () => {
    const first = await caller.channels.create({ type: "webchat", name: "Site A" });
    const second = await caller.channels.create({ type: "webchat", name: "Site B" });
    const [a, b] = await Promise.all([caller.channels.get({ id: first.id }), caller.channels.get({ id: second.id })]);
    expect(a.publicKey).not.toBe(b.publicKey);
    expect(a.embedSnippet).toBe(`<script src="${a.publicUrl}/kaiwa-widget.js" data-kaiwa-key="${a.publicKey}" async></script>`);
  });

  it("refuses invalid credentials with a message naming the field, and stores nothing", async () => {
    const before = (await caller.channels.list()).length;
    const badToken = await refusal(
      caller.channels.create({ type: "telegram", name: "Bad", credentials: { ...validCredentials.telegram, botToken: "not a token" } }),
    );
    expect(badToken?.code).toBe("BAD_REQUEST");
    expect(badToken?.message).toContain("Bot token");
    const missing = await refusal(caller.channels.create({ type: "line", name: "Bad", credentials: { channelAccessToken: "x" } }));
    expect(missing?.message).toMatch(/Channel secret: required/);
    const wechat = await refusal(caller.channels.create({ type: "wechat", name: "Bad", credentials: { appId: "wx1", appSecret: "s", token: "" } }));
    expect(wechat?.message).toContain("Token");
    const badUrl = await refusal(
      caller.channels.create({ type: "telegram", name: "Bad", credentials: validCredentials.telegram, apiBaseUrl: "ftp://example.com" }),
    );
    expect(badUrl?.code).toBe("BAD_REQUEST");
    expect((await caller.channels.list()).length).toBe(before);
  });

  it("stores secrets encrypted and never returns one in full", async () => {
    const created = await caller.channels.create({ type: "telegram", name: "Shop bot", credentials: validCredentials.telegram });
    const [row] = await database.db.select().from(channels).where(eq(channels.id, created.id));
    expect(row!.credentialsEncrypted).toMatch(/^v1\./);
    expect(row!.credentialsEncrypted).not.toContain(BOT_TOKEN);
    expect(row!.credentialsEncrypted).not.toContain("AAHsecret");

    const channel = await caller.channels.get({ id: created.id });
    expect(JSON.stringify(channel)).not.toContain(BOT_TOKEN);
    expect(channel.credentials.botToken).toBe(`••••${BOT_TOKEN.slice(-4)}`);
    // The user pastes the secret token into setWebhook, so it is shown; the rest is in full too.
    expect(channel.verifyToken).toBe("tg_secret_token_42");
    expect(channel.credentials.botUsername).toBe("kaiwa_test_bot");
    expect(channel.fields.find((field) => field.name === "botToken")).toMatchObject({ secret: true, required: true, label: "Bot token" });
    expect(channel.fields.find((field) => field.name === "secretToken")).toMatchObject({ secret: false, verifyToken: true });

    const meta = await caller.channels.create({ type: "messenger", name: "Page", credentials: validCredentials.messenger });
    const page = await caller.channels.get({ id: meta.id });
    expect(JSON.stringify(page)).not.toContain(APP_SECRET);
    expect(JSON.stringify(page)).not.toContain("EAAGmessengerPageToken0002");
    expect(page.verifyToken).toBe("verify-me-please-42");
  });

  it("keeps a stored secret when its masked value is sent back, and replaces it when a new one is typed", async () => {
    const created = await caller.channels.create({ type: "telegram", name: "Bot", credentials: validCredentials.telegram });
    const shown = await caller.channels.get({ id: created.id });
    await caller.channels.update({ id: created.id, name: "Renamed bot", credentials: { ...shown.credentials, botUsername: "renamed_bot" } });
    const stored = await loadStoredCredentials(created.id);
    expect(stored.botToken).toBe(BOT_TOKEN);
    expect(stored.botUsername).toBe("renamed_bot");
    expect((await caller.channels.get({ id: created.id })).name).toBe("Renamed bot");

    // Omitted fields are kept as well; an empty optional field is cleared.
    await caller.channels.update({ id: created.id, credentials: { botUsername: "" } });
    expect(await loadStoredCredentials(created.id)).toEqual({ botToken: BOT_TOKEN, secretToken: "tg_secret_token_42" });

    await caller.channels.update({ id: created.id, credentials: { botToken: "987654321:NEWtokenValue" }, apiBaseUrl: "http://127.0.0.1:4010" });
    expect((await loadStoredCredentials(created.id)).botToken).toBe("987654321:NEWtokenValue");
    expect((await caller.channels.get({ id: created.id })).apiBaseUrl).toBe("http://127.0.0.1:4010");

    // A cleared required secret is refused, naming it, and the stored one survives.
    const error = await refusal(caller.channels.update({ id: created.id, credentials: { botToken: "" } }));
    expect(error?.message).toContain("Bot token: required");
    expect((await loadStoredCredentials(created.id)).botToken).toBe("987654321:NEWtokenValue");
  });

  it("disables, enables and deletes a channel", async () => {
    const created = await caller.channels.create({ type: "line", name: "LINE", credentials: validCredentials.line });
    await caller.channels.disable({ id: created.id });
    expect((await caller.channels.get({ id: created.id })).status).toBe("disabled");
    await caller.channels.enable({ id: created.id });
    expect((await caller.channels.get({ id: created.id })).status).toBe("active");
    await caller.channels.delete({ id: created.id });
    expect((await refusal(caller.channels.get({ id: created.id })))?.code).toBe("NOT_FOUND");
  });

  it("keeps another workspace from seeing or changing a channel", async () => {
    const created = await caller.channels.create({ type: "telegram", name: "Private bot", credentials: validCredentials.telegram });
    expect((await stranger.channels.list()).map((channel) => channel.id)).not.toContain(created.id);
    // Thunks, so each call starts only when its refusal is awaited (no unhandled rejection in between).
    for (const attempt of [
      () => stranger.channels.get({ id: created.id }),
      () => stranger.channels.update({ id: created.id, name: "Hijacked", credentials: { botToken: "1:stolen" } }),
      () => stranger.channels.disable({ id: created.id }),
      () => stranger.channels.delete({ id: created.id }),
      () => stranger.channels.events({ id: created.id, limit: 10 }),
    ]) {
      expect((await refusal(attempt()))?.code).toBe("NOT_FOUND");
    }
    const channel = await caller.channels.get({ id: created.id });
    expect(channel).toMatchObject({ name: "Private bot", status: "active" });
    expect((await loadStoredCredentials(created.id)).botToken).toBe(BOT_TOKEN);
  });

  it("lists a channel's recent events, newest first, with counts and errors, scoped to the channel", async () => {
    const mine = await caller.channels.create({ type: "telegram", name: "Events bot", credentials: validCredentials.telegram });
    const other = await caller.channels.create({ type: "telegram", name: "Other bot", credentials: validCredentials.telegram });
    const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000);
    // Raw SQL naming only the columns this test cares about, so other columns' defaults apply.
    const event = (channelId: string, dedupeKey: string, kind: string, payload: unknown, secondsAgo: number, processed: boolean, error: string | null) =>
      database.query(
        `insert into inbound_events (workspace_id, channel_id, dedupe_key, kind, payload, received_at, processed_at, error)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [workspaceId, channelId, dedupeKey, kind, JSON.stringify(payload), at(secondsAgo).toISOString(), processed ? at(secondsAgo - 1).toISOString() : null, error],
      );
    await event(mine.id, "update:1", "message", { message: { type: "text", text: "hello" } }, 30, true, null);
    await event(mine.id, "update:2", "unknown", { note: "poll_answer" }, 20, false, "no flow matched");
    await event(mine.id, "update:3", "message", { message: { type: "text", text: "later" } }, 10, false, null);
    await event(other.id, "update:1", "message", {}, 5, false, null);
    // Failed sends count for the last 24 h only; delivered ones not at all.
    const [contact] = await database.query<{ id: string }>("insert into contacts (workspace_id, display_name) values ($1, 'Aiko') returning id", [workspaceId]);
    const message = (status: string, secondsAgo: number) =>
      database.query(
        `insert into messages (workspace_id, channel_id, contact_id, direction, status, content, created_at)
         values ($1, $2, $3, 'outbound', $4, '{"type":"text","text":"hi"}', $5)`,
        [workspaceId, mine.id, contact!.id, status, at(secondsAgo).toISOString()],
      );
    await message("failed", 60);
    await message("failed", 2 * 24 * 3600);
    await message("delivered", 60);
    await database.query("update channels set last_webhook_at = $1, last_error = $2, last_error_at = $3 where id = $4", [
      at(10).toISOString(),
      "sendMessage: 403 bot was blocked",
      at(15).toISOString(),
      mine.id,
    ]);

    const events = await caller.channels.events({ id: mine.id, limit: 10 });
    expect(events.map((event) => event.dedupeKey)).toEqual(["update:3", "update:2", "update:1"]);
    expect(events[1]).toMatchObject({ kind: "unknown", error: "no flow matched", summary: "poll_answer", processedAt: null });
    expect(events[2]!.summary).toBe("“hello”");
    expect((await caller.channels.events({ id: mine.id, limit: 1 })).map((event) => event.dedupeKey)).toEqual(["update:3"]);

    const listed = (await caller.channels.list()).find((channel) => channel.id === mine.id)!;
    expect(listed.counts).toEqual({ eventsLastDay: 3, unprocessed: 1, errorsLastDay: 1, failedOutboundLastDay: 1 });
    expect(listed.lastError).toBe("sendMessage: 403 bot was blocked");
    expect(new Date(listed.lastWebhookAt!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await caller.channels.list()).find((channel) => channel.id === other.id)!.counts.eventsLastDay).toBe(1);
  });

  it("offers all nine types with the fields their adapters ask for", async () => {
    const types = await caller.channels.types();
    expect(types.map((entry) => entry.type)).toEqual([...channelTypes]);
    const telegram = types.find((entry) => entry.type === "telegram")!;
    expect(telegram.fields.map((field) => field.name)).toEqual(["botToken", "secretToken", "botUsername"]);
    expect(telegram.fields.find((field) => field.name === "botUsername")!.required).toBe(false);
    expect(telegram.fields[0]!.help).toContain("BotFather");
  });

  async function loadStoredCredentials(id: string): Promise<Record<string, unknown>> {
    const { decryptJson } = await import("@/server/crypto/secret-box");
    const [row] = await database.db.select().from(channels).where(eq(channels.id, id));
    return decryptJson(row!.credentialsEncrypted!) as Record<string, unknown>;
  }
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeApi, type FakeApi } from "../channels/testing/fake-api-server";
import { encryptJson } from "../crypto/secret-box";
import { DomainError } from "../domain-errors";
import { createTestDatabase, testBackend, type TestDatabase } from "../testing/test-database";
import { createEntryPoint } from "./create-entry-point";
import { listEntryPoints } from "./list-entry-points";
import { recordEntryPoint } from "./record-entry-point";

describe(`entry points (${testBackend()})`, () => {
  let database: TestDatabase;
  let wechatApi: FakeApi;
  let workspaceId = "";
  let telegramId = "";
  let wechatId = "";
  let lineId = "";
  let flowId = "";
  let posterId = "";

  const channel = async (type: string, credentials: object, apiBaseUrl: string | null = null) => {
    const [row] = await database.query<{ id: string }>(
      "insert into channels (workspace_id, type, name, credentials_encrypted, api_base_url) values ($1, $2, $3, $4, $5) returning id",
      [workspaceId, type, `${type} channel`, encryptJson(credentials), apiBaseUrl],
    );
    return row!.id;
  };
  const contact = async (name: string) => {
    const [row] = await database.query<{ id: string }>("insert into contacts (workspace_id, display_name) values ($1, $2) returning id", [workspaceId, name]);
    return row!.id;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    wechatApi = await startFakeApi({
      handle: (req) => {
        if (req.path === "/cgi-bin/token") return { status: 200, body: { access_token: "wx-token-1", expires_in: 7200 } };
        if (req.path === "/cgi-bin/qrcode/create") {
          const body = req.json as { action_name?: string; action_info?: { scene?: { scene_str?: string } } };
          if (req.query.get("access_token") !== "wx-token-1") return { status: 200, body: { errcode: 40001, errmsg: "invalid credential" } };
          if (body.action_name !== "QR_LIMIT_STR_SCENE" || !body.action_info?.scene?.scene_str) return { status: 200, body: { errcode: 40053, errmsg: "invalid action info" } };
          if (body.action_info.scene.scene_str === "quota") return { status: 200, body: { errcode: 45009, errmsg: "reach max api daily quota limit" } };
          return { status: 200, body: { ticket: "gQH47joAAAAAAAAAASxodHRw", expire_seconds: 0, url: `http://weixin.qq.com/q/${body.action_info.scene.scene_str}` } };
        }
        return { status: 404, body: { errcode: 404 } };
      },
    });
    const [workspace] = await database.query<{ id: string }>("insert into workspaces (slug, name) values ('ep', 'EP') returning id");
    workspaceId = workspace!.id;
    telegramId = await channel("telegram", { botToken: "123456:AAbbcc", secretToken: "secret_token_1", botUsername: "kaiwa_shop_bot" });
    wechatId = await channel("wechat", { appId: "wx123", appSecret: "app-secret-value", token: "tok" }, wechatApi.url);
    lineId = await channel("line", { channelSecret: "0123456789abcdef0123456789abcdef", channelAccessToken: "line-token" });
    const [flow] = await database.query<{ id: string }>(
      "insert into flows (workspace_id, name, document) values ($1, 'Lead capture', '{}'::jsonb) returning id",
      [workspaceId],
    );
    flowId = flow!.id;
  });
  afterAll(async () => {
    await wechatApi?.close();
    await database?.drop();
  });

  it("creates a Telegram entry point whose link uses the bot username from the credentials", async () => {
    ({ id: posterId } = await createEntryPoint(database, workspaceId, { channelId: telegramId, name: "Poster", ref: "poster", flowId }));
    const [view] = await listEntryPoints(database, workspaceId);
    expect(view).toMatchObject({ name: "Poster", ref: "poster", channelType: "telegram", flowName: "Lead capture", link: { ok: true, url: "https://t.me/kaiwa_shop_bot?start=poster" } });
  });

  it("refuses a ref Telegram cannot carry, and a ref already used on the channel", async () => {
    await expect(createEntryPoint(database, workspaceId, { channelId: telegramId, name: "Bad", ref: "spring sale!" })).rejects.toThrow(/1–64 characters/);
    await expect(createEntryPoint(database, workspaceId, { channelId: telegramId, name: "Again", ref: "poster" })).rejects.toThrow(/already used by "Poster"/);
  });

  it("asks WeChat for a permanent scene QR code and stores the URL it returns; WeChat's refusal is a clear error", async () => {
    const { id } = await createEntryPoint(database, workspaceId, { channelId: wechatId, name: "Expo booth", ref: "expo2025" });
    const views = await listEntryPoints(database, workspaceId);
    expect(views.find((view) => view.id === id)?.link).toMatchObject({ ok: true, url: "http://weixin.qq.com/q/expo2025" });
    const call = wechatApi.requests.find((req) => req.path === "/cgi-bin/qrcode/create");
    expect(call?.json).toEqual({ action_name: "QR_LIMIT_STR_SCENE", action_info: { scene: { scene_str: "expo2025" } } });
    const failure = createEntryPoint(database, workspaceId, { channelId: wechatId, name: "Quota", ref: "quota" });
    await expect(failure).rejects.toBeInstanceOf(DomainError);
    await expect(failure).rejects.toThrow(/Could not create the WeChat QR code: .*daily API quota/);
    expect((await listEntryPoints(database, workspaceId)).some((view) => view.ref === "quota")).toBe(false);
  });

  it("asks for the LINE basic id, which no credential holds", async () => {
    await expect(createEntryPoint(database, workspaceId, { channelId: lineId, name: "Shop", ref: "shop" })).rejects.toThrow(/LINE basic id/);
    await createEntryPoint(database, workspaceId, { channelId: lineId, name: "Shop", ref: "shop", target: "@kaiwa" });
  });

  it("records the first entry point of a contact, and counts contacts, conversations and finished flows", async () => {
    const alice = await contact("Alice");
    const bob = await contact("Bob");
    const carol = await contact("Carol");
    const query = database.query;
    expect(await recordEntryPoint(query, { workspaceId, channelId: telegramId, contactId: alice, ref: "poster" })).toEqual({ id: posterId, ref: "poster", flowId });
    await recordEntryPoint(query, { workspaceId, channelId: telegramId, contactId: bob, ref: "poster" });
    // A ref of another channel, or an unknown ref, attributes nothing.
    expect(await recordEntryPoint(query, { workspaceId, channelId: wechatId, contactId: carol, ref: "poster" })).toBeNull();
    expect(await recordEntryPoint(query, { workspaceId, channelId: telegramId, contactId: carol, ref: "nope" })).toBeNull();
    // The first entry point stays: Alice coming back through the expo QR keeps "poster".
    await recordEntryPoint(query, { workspaceId, channelId: wechatId, contactId: alice, ref: "expo2025" });
    // LINE follows carry no ref: the LINE channel's entry point is used.
    const line = await recordEntryPoint(query, { workspaceId, channelId: lineId, contactId: carol, ref: null });
    expect(line?.ref).toBe("shop");

    for (const [who, channelId] of [[alice, telegramId], [bob, telegramId], [alice, wechatId]] as const) {
      await query("insert into conversations (workspace_id, contact_id, channel_id) values ($1, $2, $3)", [workspaceId, who, channelId]);
    }
    const [otherFlow] = await query<{ id: string }>("insert into flows (workspace_id, name, document) values ($1, 'Other', '{}'::jsonb) returning id", [workspaceId]);
    const session = (who: string, flow: string, status: string) =>
      query("insert into sessions (workspace_id, contact_id, flow_id, status, state) values ($1, $2, $3, $4, '{}'::jsonb)", [workspaceId, who, flow, status]);
    await session(alice, flowId, "ended");
    await session(bob, flowId, "waiting");
    await session(bob, otherFlow!.id, "ended");

    const views = await listEntryPoints(database, workspaceId);
    const stats = Object.fromEntries(views.map((view) => [view.ref, view.stats]));
    // Alice's wechat conversation is not the poster's channel; Bob finished another flow, not the poster's.
    expect(stats.poster).toEqual({ contacts: 2, conversations: 2, completed: 1 });
    expect(stats.expo2025).toEqual({ contacts: 0, conversations: 0, completed: 0 });
    // No flow set on the LINE entry point: any finished flow counts (Carol finished none).
    expect(stats.shop).toEqual({ contacts: 1, conversations: 0, completed: 0 });
  });
});

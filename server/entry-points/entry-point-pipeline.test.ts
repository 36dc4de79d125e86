import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDoc } from "@/flows-runtime/testing/build-doc";
import { createCaller } from "../api/root";
import { startFakeTelegramApi } from "../channels/telegram/fake-telegram-api";
import type { FakeApi } from "../channels/testing/fake-api-server";
import { startHarness, type Harness } from "../runtime/testing/runtime-harness";

const botToken = "123456:TEST-token_abc";
const secretToken = "s3cret_Token-42";
const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": secretToken };
let updateId = 800_000;
const text = (fromId: number, body: string) =>
  JSON.stringify({ update_id: ++updateId, message: { message_id: updateId, from: { id: fromId, is_bot: false, first_name: "Mio" }, chat: { id: fromId, type: "private" }, date: Math.floor(Date.now() / 1000), text: body } });

// A contact who opens a t.me/<bot>?start=<ref> link from a poster: attributed to that entry point, and
// answered by the flow it names (or whose trigger names it), not by the default flow.
describe("entry points in the runtime", () => {
  let harness: Harness;
  let api: FakeApi;
  let channelId: string;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    harness = await startHarness();
    api = await startFakeTelegramApi({ botToken });
    channelId = await harness.createChannel("telegram", { botToken, secretToken, botUsername: "kaiwa_shop_bot" }, api.url);
    caller = createCaller({ database: harness.database, queue: harness.kaiwa.queue, workspaceId: harness.workspaceId, userId: harness.ownerId });
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  const publish = async (name: string, trigger: Record<string, unknown>, reply: string) => {
    const flow = await caller.flows.import({ json: JSON.stringify(buildDoc({ name, nodes: { t: ["trigger", trigger], say: ["message", { text: reply }] }, edges: ["t -> say"] })) });
    await caller.flows.publish({ id: flow.id });
    return flow.id;
  };
  const repliesTo = (chatId: number) =>
    api.requests.filter((request) => String((request.json as { chat_id?: unknown }).chat_id) === String(chatId)).map((request) => (request.json as { text: string }).text);
  const entryPointOf = async (externalId: string) =>
    (await harness.database.query<{ entry_point_id: string | null }>(
      "select c.entry_point_id from contacts c join contact_identities ci on ci.contact_id = c.id where ci.external_id = $1",
      [externalId],
    ))[0]?.entry_point_id;

  it("opens the entry point's own flow from its deep link, and attributes the contact to it", async () => {
    const flowId = await publish("Poster welcome", { manual: true }, "Thanks for scanning our poster!");
    const poster = await caller.entryPoints.create({ channelId, name: "Station poster", ref: "poster-2026", flowId });
    await harness.post("telegram", channelId, text(9301, "/start poster-2026"), headers);
    await harness.settle();
    expect(repliesTo(9301)).toEqual(["Thanks for scanning our poster!"]);
    expect(await entryPointOf("9301")).toBe(poster.id);
    const [listed] = (await caller.entryPoints.list()).filter((entry) => entry.id === poster.id);
    expect(listed!.stats).toEqual({ contacts: 1, conversations: 1, completed: 1 });
  });

  it("starts the flow whose trigger names the entry point", async () => {
    const flyer = await caller.entryPoints.create({ channelId, name: "Flyer", ref: "flyer" });
    await publish("Flyer campaign", { entryPointId: flyer.id }, "Welcome, flyer reader!");
    await harness.post("telegram", channelId, text(9302, "/start flyer"), headers);
    await harness.settle();
    expect(repliesTo(9302)).toEqual(["Welcome, flyer reader!"]);
    expect(await entryPointOf("9302")).toBe(flyer.id);
  });

  it("a contact without a ref gets the default flow and no entry point; an unknown ref attributes nothing", async () => {
    await harness.post("telegram", channelId, text(9303, "hello"), headers);
    await harness.post("telegram", channelId, text(9304, "/start unknown-ref"), headers);
    await harness.settle();
    expect(repliesTo(9303)[0]).toBe("Hi Mio! Welcome! Three quick questions so we can help you better.");
    expect(await entryPointOf("9303")).toBeNull();
    expect(await entryPointOf("9304")).toBeNull();
  });
});

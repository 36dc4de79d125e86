import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../../runtime/testing/runtime-harness";
import { testBackend, type TestDatabase } from "../../testing/test-database";
import { DEMO_WEBCHAT_KEY } from "./demo-webchat-key";
import { handleWebchatHistory } from "./handle-history";
import { handleWebchatMessage } from "./handle-message";
import { handleWebchatSession } from "./handle-session";
import type { WidgetMessage } from "./widget-message";

// The widget's endpoints with the real pipeline behind them: the demo channel talks to the demo
// workspace's published onboarding survey.
describe(`web chat through the runtime on ${testBackend()}`, () => {
  let harness: Harness;
  let database: TestDatabase;

  beforeAll(async () => {
    harness = await startHarness();
    database = harness.database;
  });
  afterAll(async () => {
    await harness?.close();
  });

  const post = (path: string, body: unknown) =>
    new Request(`http://kaiwa.test/api/webchat/${DEMO_WEBCHAT_KEY}/${path}`, { method: "POST", body: JSON.stringify(body) });

  it("answers with the onboarding survey, buttons included, and keeps the conversation for a reload", async () => {
    const visitor = (await (await handleWebchatSession(database, DEMO_WEBCHAT_KEY, post("session", {}))).json()) as { visitorId: string; token: string };
    const history = async () => {
      const url = `http://kaiwa.test/api/webchat/${DEMO_WEBCHAT_KEY}/history?visitorId=${visitor.visitorId}&token=${encodeURIComponent(visitor.token)}`;
      return ((await (await handleWebchatHistory(database, DEMO_WEBCHAT_KEY, new Request(url))).json()) as { messages: WidgetMessage[] }).messages;
    };
    const send = async (id: string, text: string, payload?: string) => {
      const response = await handleWebchatMessage(database, DEMO_WEBCHAT_KEY, post("messages", { ...visitor, text, payload, clientMessageId: id }));
      expect(response.status).toBe(202);
      await harness.settle();
    };

    await send("c1", "hi");
    let messages = await history();
    expect(messages.map((message) => message.text)).toEqual([
      "hi",
      "Hi there! Welcome! Three quick questions so we can help you better.",
      "What brings you here?",
    ]);
    const choices = messages[2]!.buttons;
    expect(choices.map((button) => button.label)).toEqual(["Pricing and plans", "Help with my account", "Just looking around"]);

    await send("c2", choices[0]!.label, choices[0]!.payload);
    await send("c3", "25");
    messages = await history();
    expect(messages.slice(3).map((message) => [message.from, message.text])).toEqual([
      ["visitor", "Pricing and plans"],
      ["bot", "How many people work at your company?"],
      ["visitor", "25"],
      ["bot", "Last one: what's your email address?"],
    ]);
    const [contact] = await database.query<{ fields: Record<string, unknown> }>(
      "select c.fields from contacts c join contact_identities i on i.contact_id = c.id where i.external_id = $1",
      [visitor.visitorId],
    );
    expect(contact!.fields).toMatchObject({ interest: "Pricing and plans", company_size: 25 });
  });
});

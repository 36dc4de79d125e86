import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDoc } from "@/flows-runtime/testing/build-doc";
import { createCaller } from "../api/root";
import { startHarness, type Harness } from "../runtime/testing/runtime-harness";

type Caller = ReturnType<typeof createCaller>;
type State = Awaited<ReturnType<Caller["simulator"]["state"]>>;

const botTexts = (state: State) => state.messages.filter((message) => message.from === "bot").map((message) => message.text);
const lastBot = (state: State) => state.messages.filter((message) => message.from === "bot").at(-1)!;

// The simulator through its tRPC procedures, on a running runtime: the same pipeline and tables as a
// real contact, with a test contact that stays out of the workspace's contacts.
describe("the simulator", () => {
  let harness: Harness;
  let caller: Caller;
  let flowIds: Record<string, string>;

  beforeAll(async () => {
    harness = await startHarness();
    caller = createCaller({ database: harness.database, queue: harness.kaiwa.queue, workspaceId: harness.workspaceId, userId: harness.ownerId });
    flowIds = Object.fromEntries((await caller.flows.list()).map((flow) => [flow.name, flow.id]));
  });
  afterAll(async () => {
    await harness?.close();
  });

  it("runs the onboarding draft as WhatsApp: reply buttons, a tap that tags, a typed answer that fills a field", async () => {
    let state = await caller.simulator.start({ flowId: flowIds["Onboarding survey"]!, channel: "whatsapp", contact: { name: "Aiko Tanaka", tags: ["vip"] }, start: { kind: "message", text: "hi" } });
    expect(botTexts(state)).toEqual(["Hi Aiko! Welcome! Three quick questions so we can help you better.", "What brings you here?"]);
    const question = lastBot(state).parts[0]!;
    expect(question).toMatchObject({ kind: "buttons", buttons: [{ label: "Pricing and plans" }, { label: "Help with my account" }, { label: "Just looking around" }] });
    expect(state.session).toMatchObject({ status: "waiting", nodeId: "ask_interest" });
    const pricing = (question as { buttons: { label: string; payload: string }[] }).buttons[0]!;

    state = await caller.simulator.send({ simulationId: state.id, input: { kind: "message", message: { text: pricing.label, payload: pricing.payload } } });
    expect(botTexts(state).at(-1)).toBe("How many people work at your company?");
    expect(state.contact.tags).toEqual(["interest-pricing", "vip"]);
    const tapStep = state.steps.at(-1)!;
    expect(tapStep.before.tags).toEqual(["vip"]);
    expect(tapStep.after.tags).toEqual(["interest-pricing", "vip"]);
    expect(tapStep.trace.map((entry) => entry.nodeId)).toEqual(expect.arrayContaining(["ask_interest", "tag_pricing", "ask_company_size"]));
    expect(state.session!.path).toEqual(expect.arrayContaining(["start", "welcome", "ask_interest", "tag_pricing", "ask_company_size"]));

    state = await caller.simulator.send({ simulationId: state.id, input: { kind: "message", message: { text: "25" } } });
    expect(state.contact.fields).toMatchObject({ company_size: 25 });
    // No platform receives a simulation's replies: they show as sent at once, and nothing is queued.
    expect(state.messages.filter((message) => message.from === "bot").map((message) => message.status)).toEqual(["sent", "sent", "sent", "sent"]);
    const [queued] = await harness.database.query<{ n: number }>("select count(*)::int as n from outbox o join simulations s on s.contact_id = o.contact_id where s.id = $1", [state.id]);
    expect(queued!.n).toBe(0);
    expect(state.steps.at(-1)!.before.fields).not.toHaveProperty("company_size");
  });

  it("runs the same draft as SMS, with numbered options answered by number", async () => {
    let state = await caller.simulator.start({ flowId: flowIds["Onboarding survey"]!, channel: "sms", start: { kind: "message", text: "hello" } });
    expect(lastBot(state).parts[0]).toMatchObject({ kind: "numbered_text", options: [{ number: 1, label: "Pricing and plans" }, { number: 2, label: "Help with my account" }, { number: 3, label: "Just looking around" }] });
    state = await caller.simulator.send({ simulationId: state.id, input: { kind: "message", message: { text: "2" } } });
    expect(state.contact.tags).toEqual(["interest-support"]);
  });

  it("keeps test contacts and the simulator's channels out of the workspace's lists", async () => {
    expect((await caller.contacts.list({})).contacts).toEqual([]);
    expect((await caller.channels.list()).map((channel) => channel.type)).toEqual(["webchat"]);
  });

  it("shows a pending wait with its due time, fires it now, and the real job later does nothing", async () => {
    const doc = buildDoc({
      name: "Reminder",
      nodes: { t: ["trigger", { keywords: [{ match: "exact", value: "remind" }] }], w: ["wait", { amount: 3, unit: "seconds" }], later: ["message", { text: "Your reminder!" }] },
      edges: ["t -> w", "w -> later"],
    });
    const flow = await caller.flows.import({ json: JSON.stringify(doc) });
    let state = await caller.simulator.start({ flowId: flow.id, channel: "telegram", start: { kind: "message", text: "remind" } });
    expect(state.pendingWakeUps).toEqual([{ key: expect.any(String), nodeId: "w", kind: "wait", at: expect.any(Number) }]);
    expect(state.pendingWakeUps[0]!.at! - state.steps[0]!.simulatedAt).toBe(3_000);
    state = await caller.simulator.send({ simulationId: state.id, input: { kind: "fire", timerKey: state.pendingWakeUps[0]!.key } });
    expect(botTexts(state)).toEqual(["Your reminder!"]);
    expect(state.pendingWakeUps).toEqual([]);
    // The pg-boss job fires on its own a moment later: stale, it changes nothing.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    await harness.settle();
    expect(botTexts(await caller.simulator.state({ simulationId: state.id }))).toEqual(["Your reminder!"]);
  });

  it("answers with only the messages and steps after those the caller holds, and they add up to the whole state", async () => {
    const flowId = flowIds["Onboarding survey"]!;
    const started = await caller.simulator.start({ flowId, channel: "telegram", start: { kind: "message", text: "hi" } });
    const pricing = (lastBot(started).parts[0] as { buttons: { label: string; payload: string }[] }).buttons[0]!;
    const known = { messages: started.messages.length, steps: started.steps.length };
    const answer = await caller.simulator.send({ simulationId: started.id, input: { kind: "message", message: { text: pricing.label, payload: pricing.payload } }, known });
    expect(answer).toMatchObject({ messagesFrom: known.messages, stepsFrom: known.steps });
    expect(answer.messages.map((message) => [message.from, message.text])).toEqual([
      ["contact", pricing.label],
      ["bot", "How many people work at your company?"],
    ]);
    expect(answer.steps.map((step) => step.seq)).toEqual([started.steps.at(-1)!.seq + 1]);
    const whole = await caller.simulator.state({ simulationId: started.id });
    expect(whole).toMatchObject({ messagesFrom: 0, stepsFrom: 0 });
    expect([...started.messages, ...answer.messages]).toEqual(whole.messages);
    expect([...started.steps, ...answer.steps]).toEqual(whole.steps);
    expect({ ...answer, messages: whole.messages, steps: whole.steps, messagesFrom: 0, stepsFrom: 0, clock: whole.clock }).toEqual(whole);
  });

  it("still tells when a pending wait is due when the step that scheduled it is one the caller holds", async () => {
    const doc = buildDoc({
      name: "Reminder after a question",
      nodes: {
        t: ["trigger", { keywords: [{ match: "exact", value: "later" }] }],
        w: ["wait", { amount: 1, unit: "hours" }],
        ask: ["question", { prompt: "Still there?", answerType: "text" }],
      },
      edges: ["t -> w", "w -> ask"],
    });
    const flow = await caller.flows.import({ json: JSON.stringify(doc) });
    const state = await caller.simulator.start({ flowId: flow.id, channel: "telegram", start: { kind: "message", text: "later" } });
    const [wakeUp] = state.pendingWakeUps;
    expect(wakeUp).toMatchObject({ nodeId: "w", kind: "wait" });
    const known = { messages: state.messages.length, steps: state.steps.length };
    const clocked = await caller.simulator.setClock({ simulationId: state.id, at: null, known });
    expect(clocked.steps).toEqual([]);
    expect(clocked.pendingWakeUps).toEqual([wakeUp]);
    expect(wakeUp!.at! - state.steps[0]!.simulatedAt).toBe(3_600_000);
  });

  it("pretends it is Sunday 23:00 in Tokyo, and the greeting flow takes its away branch", async () => {
    await caller.settings.schedules.create({ name: "Support desk", timeZone: "Asia/Tokyo" });
    let state = await caller.simulator.start({ flowId: flowIds["Greeting and away message"]!, channel: "line" });
    state = await caller.simulator.setClock({ simulationId: state.id, at: { localDateTime: "2026-12-06T23:00", timeZone: "Asia/Tokyo" } });
    expect(new Date(state.clock.now).toISOString().slice(0, 16)).toBe("2026-12-06T14:00");
    state = await caller.simulator.send({ simulationId: state.id, input: { kind: "message", message: { text: "こんにちは" } } });
    expect(botTexts(state)[0]).toMatch(/^Thanks for your message! We're closed right now and back on Monday/);
    state = await caller.simulator.setClock({ simulationId: state.id, at: { localDateTime: "2026-12-07T10:00", timeZone: "Asia/Tokyo" } });
    state = await caller.simulator.restart({ simulationId: state.id });
    state = await caller.simulator.setClock({ simulationId: state.id, at: { localDateTime: "2026-12-07T10:00", timeZone: "Asia/Tokyo" } });
    state = await caller.simulator.send({ simulationId: state.id, input: { kind: "message", message: { text: "hi" } } });
    expect(botTexts(state)[0]).toMatch(/^Hi Test! Thanks for your message/);
  });

  it("starts here at any node with chosen variables, and by a tag being added", async () => {
    const doc = buildDoc({
      name: "Tagged",
      variables: ["plan"],
      nodes: {
        t: ["trigger", { tagAdded: "vip" }],
        hello: ["message", { text: "Welcome to VIP" }],
        plan: ["message", { text: "Your plan: {{vars.plan}}" }],
      },
      edges: ["t -> hello", "hello -> plan"],
    });
    const flow = await caller.flows.import({ json: JSON.stringify(doc) });
    const tagged = await caller.simulator.start({ flowId: flow.id, channel: "messenger", start: { kind: "tag", tag: "vip" } });
    expect(botTexts(tagged)).toEqual(["Welcome to VIP", "Your plan: "]);
    expect(tagged.contact.tags).toEqual(["vip"]);
    const here = await caller.simulator.start({ flowId: flow.id, channel: "messenger", start: { kind: "node", nodeId: "plan", variables: { plan: "Gold" } } });
    expect(botTexts(here)).toEqual(["Your plan: Gold"]);
    expect(here.steps[0]!.trace[0]).toMatchObject({ nodeId: "plan", note: "started here (skipping triggers)" });
  });

  it.each(["whatsapp", "messenger", "sms"] as const)("runs every starter template end to end on %s without publishing", async (channel) => {
    const scripts: Record<string, string[]> = {
      "Onboarding survey": ["hi", "Pricing and plans", "12", "aiko@example.com"],
      "Greeting and away message": ["hello"],
      "Tagging rules": ["what does it cost?"],
      "Lead capture": ["I'd like a quote", "Aiko", "aiko@example.com", "+81 90 1234 5678", "Over $5,000"],
      "FAQ bot": ["What are your opening hours?"],
    };
    for (const [name, [first, ...rest]] of Object.entries(scripts)) {
      let state = await caller.simulator.start({ flowId: flowIds[name]!, channel, start: { kind: "message", text: first! } });
      for (const text of rest) {
        // Answer a choice the way this channel offers it: its button's payload, or its number on SMS.
        const options = lastBot(state).parts.flatMap((part) => (part.kind === "buttons" ? part.buttons : part.kind === "quick_replies" ? part.replies : part.kind === "list" ? part.rows : part.kind === "numbered_text" ? part.options.map((o) => ({ label: o.label, payload: String(o.number) })) : []));
        const option = options.find((entry) => entry.label === text);
        const message = option ? (channel === "sms" ? { text: option.payload } : { text: option.label, payload: option.payload }) : { text };
        state = await caller.simulator.send({ simulationId: state.id, input: { kind: "message", message } });
      }
      const bot = state.messages.filter((message) => message.from === "bot");
      expect(bot.length, `${name} on ${channel}`).toBeGreaterThan(0);
      expect(bot.filter((message) => message.status === "failed"), `${name} on ${channel}`).toEqual([]);
      expect(state.steps.flatMap((step) => step.trace).filter((entry) => entry.error), `${name} on ${channel}`).toEqual([]);
      if (name === "Onboarding survey" || name === "Lead capture") expect(state.session?.status, `${name} on ${channel}`).toBe("ended");
    }
  });

  it("saves a conversation as a test case and reports the reply a draft change altered", async () => {
    const flowId = flowIds["Onboarding survey"]!;
    let state = await caller.simulator.start({ flowId, channel: "telegram", contact: { name: "Ken" }, start: { kind: "message", text: "hi" } });
    const help = (lastBot(state).parts[0] as { buttons: { label: string; payload: string }[] }).buttons[1]!;
    state = await caller.simulator.send({ simulationId: state.id, input: { kind: "message", message: { text: help.label, payload: help.payload } } });
    state = await caller.simulator.send({ simulationId: state.id, input: { kind: "message", message: { text: "40" } } });
    const saved = await caller.simulator.cases.save({ simulationId: state.id, name: "Support path" });
    expect(saved.inputCount).toBe(2);
    expect(await caller.simulator.cases.run({ caseId: saved.id })).toMatchObject({ passed: true });

    const flow = await caller.flows.get({ id: flowId });
    const document = structuredClone(flow.document) as { nodes: Record<string, { data: { prompt?: string } }> };
    document.nodes.ask_company_size!.data.prompt = "How big is your team?";
    await caller.flows.save({ id: flowId, baseRevision: flow.revision, document: document as never });
    const report = await caller.simulator.cases.run({ caseId: saved.id });
    expect(report.passed).toBe(false);
    expect(report.steps.map((step) => [step.label, step.same])).toEqual([
      ["Start", true],
      ["Tap “Help with my account”", false],
      ["Say “40”", true],
    ]);
    expect(report.steps[1]).toMatchObject({ expected: ["How many people work at your company?"], actual: ["How big is your team?"] });
  });
});

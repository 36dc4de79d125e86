import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

export type TrafficRequest = { url: string; contacts: number; prefix: string; senders: number; appSecret: string; phoneNumberId: string };
export type TrafficResult = { messages: number; seconds: number; toAck: number[]; sentAt: [string, number][]; errors: number };

const script = [
  (id: string) => ({ type: "text", text: { body: "hi" }, id }),
  (id: string) => ({ type: "interactive", interactive: { type: "button_reply", button_reply: { id: "pricing", title: "Pricing and plans" } }, id }),
  (id: string) => ({ type: "text", text: { body: "25" }, id }),
  (id: string) => ({ type: "text", text: { body: "bench@example.com" }, id }),
];

// Wall-clock milliseconds comparable across threads (each thread's performance.now() has its own origin).
const now = () => performance.timeOrigin + performance.now();

// Each contact's four messages in order (the next only after the previous was acknowledged), any
// number of contacts at once, `senders` requests in flight over kept-alive connections, as Meta's
// servers send them. Runs in its own thread: the platform is not part of the process being measured.
async function sendSurveyTraffic({ url, contacts, prefix, senders, appSecret, phoneNumberId }: TrafficRequest): Promise<TrafficResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: senders });
  const toAck: number[] = [];
  const sentAt: [string, number][] = [];
  let errors = 0;
  const next = Array.from({ length: contacts }, (_, i) => ({ waId: `${prefix}${String(i).padStart(6, "0")}`, step: 0, busy: false }));
  let remaining = contacts * script.length;
  let cursor = 0;
  const started = now();
  const sender = async () => {
    let skipped = 0;
    while (remaining > 0) {
      const contact = next[cursor++ % next.length]!;
      if (contact.busy || contact.step >= script.length) {
        // Every contact is busy or done: let the requests in flight finish.
        if (++skipped >= next.length) {
          skipped = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
        continue;
      }
      skipped = 0;
      contact.busy = true;
      remaining -= 1;
      const id = `wamid.bench.${contact.waId}.${contact.step}`;
      const body = JSON.stringify({
        object: "whatsapp_business_account",
        entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { phone_number_id: phoneNumberId }, contacts: [{ wa_id: contact.waId, profile: { name: "Bench" } }], messages: [{ from: contact.waId, timestamp: String(Math.floor(Date.now() / 1000)), ...script[contact.step]!(id) }] } }] }],
      });
      const signature = `sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`;
      const t0 = now();
      sentAt.push([`${contact.waId}|${contact.step}`, t0]);
      contact.step += 1;
      const status = await post(agent, url, body, { "content-type": "application/json", "x-hub-signature-256": signature }).catch(() => 0);
      if (status !== 200) errors += 1;
      toAck.push(now() - t0);
      contact.busy = false;
    }
  };
  await Promise.all(Array.from({ length: senders }, sender));
  agent.destroy();
  return { messages: toAck.length, seconds: (now() - started) / 1000, toAck, sentAt, errors };
}

function post(agent: Agent, url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

if (parentPort) {
  void sendSurveyTraffic(workerData as TrafficRequest).then((result) => parentPort!.postMessage(result));
}

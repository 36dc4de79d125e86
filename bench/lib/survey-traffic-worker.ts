import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

export type TrafficRequest = {
  url: string;
  contacts: number;
  prefix: string;
  appSecret: string;
  phoneNumberId: string;
  // Closed loop: `senders` requests in flight, each sending again when answered. Fixed rate: messages
  // sent at `ratePerSecond` whatever the answers (an ad's burst does not wait for us), for `seconds`.
  load: { senders: number } | { ratePerSecond: number; seconds: number };
};
export type TrafficResult = { messages: number; seconds: number; toAck: number[]; sentAt: [string, number][]; errors: number };

const script = [
  (id: string) => ({ type: "text", text: { body: "hi" }, id }),
  (id: string) => ({ type: "interactive", interactive: { type: "button_reply", button_reply: { id: "pricing", title: "Pricing and plans" } }, id }),
  (id: string) => ({ type: "text", text: { body: "25" }, id }),
  (id: string) => ({ type: "text", text: { body: "bench@example.com" }, id }),
];

// Wall-clock milliseconds comparable across threads (each thread's performance.now() has its own origin).
const now = () => performance.timeOrigin + performance.now();

type Contact = { waId: string; step: number };

// Each contact's four messages in order (the next only after the previous was acknowledged), as
// Meta's servers send them, over kept-alive connections. Runs in its own thread: the platform is not
// part of the process being measured.
async function sendSurveyTraffic(request: TrafficRequest): Promise<TrafficResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: "senders" in request.load ? request.load.senders : 256 });
  const toAck: number[] = [];
  const sentAt: [string, number][] = [];
  let errors = 0;
  // Contacts whose previous message was answered, oldest first: a contact's next message comes after
  // everyone else's, as a survey's answers would.
  const ready: Contact[] = Array.from({ length: request.contacts }, (_, i) => ({ waId: `${request.prefix}${String(i).padStart(6, "0")}`, step: 0 }));
  const sendNext = async (): Promise<boolean> => {
    const contact = ready.shift();
    if (!contact) return false;
    const body = webhookBody(contact, request.phoneNumberId);
    const signature = `sha256=${createHmac("sha256", request.appSecret).update(body).digest("hex")}`;
    const t0 = now();
    sentAt.push([`${contact.waId}|${contact.step}`, t0]);
    contact.step += 1;
    const status = await post(agent, request.url, body, { "content-type": "application/json", "x-hub-signature-256": signature }).catch(() => 0);
    if (status !== 200) errors += 1;
    toAck.push(now() - t0);
    if (contact.step < script.length) ready.push(contact);
    return true;
  };
  const started = now();
  if ("senders" in request.load) {
    let remaining = request.contacts * script.length;
    const sender = async () => {
      while (remaining > 0) {
        if (ready.length === 0) {
          // Every contact is waiting for an answer: let the requests in flight finish.
          await new Promise((resolve) => setTimeout(resolve, 1));
          continue;
        }
        remaining -= 1;
        await sendNext();
      }
    };
    await Promise.all(Array.from({ length: request.load.senders }, sender));
  } else {
    const { ratePerSecond, seconds } = request.load;
    const total = Math.round(ratePerSecond * seconds);
    const inFlight = new Set<Promise<boolean>>();
    let sent = 0;
    while (sent < total) {
      const due = Math.min(total, Math.floor(((now() - started) / 1000) * ratePerSecond) + 1);
      for (; sent < due && ready.length > 0; sent++) {
        const sending = sendNext();
        inFlight.add(sending);
        void sending.finally(() => inFlight.delete(sending));
      }
      // A contact not yet answered is skipped, not waited for; with none ready the rate is missed (and shows).
      if (sent < due && ready.length === 0 && inFlight.size === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(inFlight);
  }
  agent.destroy();
  return { messages: toAck.length, seconds: (now() - started) / 1000, toAck, sentAt, errors };
}

function webhookBody(contact: Contact, phoneNumberId: string): string {
  const id = `wamid.bench.${contact.waId}.${contact.step}`;
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { phone_number_id: phoneNumberId }, contacts: [{ wa_id: contact.waId, profile: { name: "Bench" } }], messages: [{ from: contact.waId, timestamp: String(Math.floor(Date.now() / 1000)), ...script[contact.step]!(id) }] } }] }],
  });
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

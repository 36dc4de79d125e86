import { parentPort } from "node:worker_threads";
import { startFakeWhatsappApi } from "@/server/channels/whatsapp/fake-whatsapp-api";

export type DeliveredReply = { to: string; receivedAt: number };
export type FakeApiReport = { replies: DeliveredReply[]; rejected: string[] };

// The fake Cloud API in a thread of its own: Meta's servers are not part of the process being measured.
// Answers "requests" with what it received so far (wall-clock times) and "close" by stopping.
if (parentPort) {
  const port = parentPort;
  void startFakeWhatsappApi().then((api) => {
    port.postMessage({ url: api.url });
    port.on("message", (command: "requests" | "close") => {
      if (command === "close") return void api.close().then(() => port.close());
      const replies = api.requests.flatMap((request) => {
        const to = (request.json as { to?: string } | undefined)?.to;
        return to ? [{ to, receivedAt: performance.timeOrigin + request.receivedAt }] : [];
      });
      port.postMessage({ replies, rejected: api.rejected } satisfies FakeApiReport);
    });
  });
}

import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import type { RawWebhook } from "../channel-adapter";

// Helpers for the Meta channels' tests: webhook requests as the route hands them to an adapter.
export const metaTestKit = {
  sign(rawBody: string, appSecret: string): string {
    return `sha256=${createHmac("sha256", appSecret).update(rawBody, "utf8").digest("hex")}`;
  },
  post(rawBody: string, headers: Record<string, string> = {}): RawWebhook {
    return {
      method: "POST",
      url: "https://kaiwa.example.com/api/webhooks/meta/ch_1",
      query: new URLSearchParams(),
      headers: new Headers({ "content-type": "application/json", ...headers }),
      rawBody,
    };
  },
  signedPost(rawBody: string, appSecret: string): RawWebhook {
    return metaTestKit.post(rawBody, { "x-hub-signature-256": metaTestKit.sign(rawBody, appSecret) });
  },
  get(query: Record<string, string>): RawWebhook {
    return {
      method: "GET",
      url: "https://kaiwa.example.com/api/webhooks/meta/ch_1",
      query: new URLSearchParams(query),
      headers: new Headers(),
      rawBody: "",
    };
  },
  fixture(base: string | URL, name: string): string {
    return readFileSync(new URL(`./fixtures/${name}`, base), "utf8");
  },
};

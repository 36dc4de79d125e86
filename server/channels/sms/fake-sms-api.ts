import { createHash } from "node:crypto";
import { startFakeApi, type FakeApi, type FakeResponse, type IncomingRequest } from "../testing/fake-api-server";

export type FakeSmsApi = FakeApi & {
  // Requests the fake refused as malformed (tests assert there are none).
  rejections: { path: string; code: number; message: string }[];
  // Numbers that replied STOP: sends to them fail with 21610, as on Twilio.
  optedOut: Set<string>;
};

const e164 = /^\+[1-9]\d{6,14}$/;

// A local stand-in for api.twilio.com's Messages resource, checked against the documented request
// (Basic auth, form encoding, To / From or MessagingServiceSid / Body) and answering like Twilio:
// 201 with the message resource, or the error JSON `{ code, message, more_info, status }`.
export async function startFakeSmsApi(options: { accountSid: string; authToken: string; from?: string }): Promise<FakeSmsApi> {
  const rejections: FakeSmsApi["rejections"] = [];
  const optedOut = new Set<string>();
  const byIdempotencyToken = new Map<string, FakeResponse>();
  const messagesPath = `/2010-04-01/Accounts/${options.accountSid}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64")}`;
  let count = 0;

  const error = (path: string, status: number, code: number, message: string, malformed = true): FakeResponse => {
    if (malformed) rejections.push({ path, code, message });
    return { status, body: twilioError(status, code, message) };
  };

  const handle = (req: IncomingRequest): FakeResponse => {
    if (req.method !== "POST" || req.path !== messagesPath) return error(req.path, 404, 20404, "The requested resource was not found");
    if (req.headers.authorization !== authorization) return error(req.path, 401, 20003, "Authenticate");
    if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
      return error(req.path, 400, 20001, "Content-Type must be application/x-www-form-urlencoded");
    }
    const idempotencyToken = req.headers["i-twilio-idempotency-token"];
    if (idempotencyToken && byIdempotencyToken.has(idempotencyToken)) return byIdempotencyToken.get(idempotencyToken) as FakeResponse;

    const form = new URLSearchParams(req.body);
    const to = form.get("To") ?? "";
    const from = form.get("From");
    const service = form.get("MessagingServiceSid");
    const body = form.get("Body") ?? "";
    if (!e164.test(to)) return error(req.path, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!from && !service) return error(req.path, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
    if (from && options.from && from !== options.from) return error(req.path, 400, 21606, `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`);
    if (service && !/^MG[0-9a-f]{32}$/i.test(service)) return error(req.path, 400, 21701, "The Messaging Service Sid is invalid.");
    if (body === "" && !form.get("MediaUrl")) return error(req.path, 400, 21602, "Message body is required.");
    if (body.length > 1600) return error(req.path, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
    const callback = form.get("StatusCallback");
    if (callback !== null && !/^https?:\/\/[^\s]+$/.test(callback)) return error(req.path, 400, 21609, "The StatusCallback URL is not valid.");
    if (optedOut.has(to)) return error(req.path, 400, 21610, "Attempt to send to unsubscribed recipient", false);

    count += 1;
    const sid = `SM${createHash("md5").update(`fake-${count}`).digest("hex")}`;
    const answer: FakeResponse = {
      status: 201,
      body: {
        sid,
        account_sid: options.accountSid,
        to,
        from: from ?? null,
        messaging_service_sid: service ?? null,
        body,
        status: service ? "accepted" : "queued",
        num_segments: "1",
        direction: "outbound-api",
        api_version: "2010-04-01",
        uri: `${messagesPath.replace(".json", "")}/${sid}.json`,
      },
    };
    if (idempotencyToken) byIdempotencyToken.set(idempotencyToken, answer);
    return answer;
  };

  const api = await startFakeApi({
    handle,
    failure: (status) =>
      twilioError(status, status === 429 ? 20429 : status >= 500 ? 20500 : 21211, status === 429 ? "Too Many Requests" : status >= 500 ? "An internal server error has occurred" : "Invalid 'To' Phone Number"),
  });
  return { ...api, rejections, optedOut };
}

function twilioError(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

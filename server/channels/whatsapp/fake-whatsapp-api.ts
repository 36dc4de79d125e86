import { measureText } from "@/flows-runtime";
import { fakeGraphRequest, graphError } from "../meta/fake-graph-request";
import { jsonReader, type JsonObject } from "../meta/json-reader";
import { startFakeApi, type FakeApi, type FakeResponse, type IncomingRequest } from "../testing/fake-api-server";
import { whatsappMessageProblem } from "./whatsapp-message-problem";

export type FakeWhatsappApiOptions = { accessToken?: string; phoneNumberId?: string };
export type FakeWhatsappApi = FakeApi & { rejected: string[] };

// A local Cloud API `POST /<version>/<phone_number_id>/messages` that refuses what Meta refuses (see
// whatsappMessageProblem) with Meta's error format, and answers `{ messaging_product, contacts, messages }`.
export async function startFakeWhatsappApi(options: FakeWhatsappApiOptions = {}): Promise<FakeWhatsappApi> {
  const rejected: string[] = [];
  const api = await startFakeApi({
    failure: failureBody,
    handle(request: IncomingRequest): FakeResponse {
      const answer = answerFor(request, options);
      if (answer.status >= 400) rejected.push(JSON.stringify(answer.body));
      return answer;
    },
  });
  return { ...api, rejected };
}

function answerFor(request: IncomingRequest, options: FakeWhatsappApiOptions): FakeResponse {
  const numberId = options.phoneNumberId ?? "\\d+";
  const checked = fakeGraphRequest.check(request, { path: new RegExp(`^/v\\d+\\.\\d+/${numberId}/messages$`), accessToken: options.accessToken });
  if ("refused" in checked) return checked.refused;
  const problem = whatsappMessageProblem(checked.body);
  if (problem) return graphError(400, 100, "(#100) Invalid parameter", { details: problem });
  const callbackData = jsonReader.string(checked.body.biz_opaque_callback_data);
  if (callbackData !== undefined && measureText(callbackData, "utf16") > 512) {
    return graphError(400, 100, "(#100) Invalid parameter", { details: "biz_opaque_callback_data is longer than 512 characters" });
  }
  const to = jsonReader.string(checked.body.to) ?? "";
  return {
    status: 200,
    body: {
      messaging_product: "whatsapp",
      contacts: [{ input: to, wa_id: to.replace(/\D/g, "") }],
      messages: [{ id: fakeGraphRequest.messageId("wamid.") }],
    } satisfies JsonObject,
  };
}

// Cloud API wording for forced failures: 130429 throughput limit, 131000 "Something went wrong".
function failureBody(status: number): FakeResponse["body"] {
  if (status === 429) return graphError(429, 130429, "(#130429) Rate limit hit", { details: "Cloud API message throughput has been reached." }).body;
  if (status >= 500) return graphError(status, 131000, "Something went wrong", { details: "Message failed to send because of an unknown error." }).body;
  return graphError(status, 100, "(#100) Invalid parameter").body;
}

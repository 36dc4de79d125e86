import { randomBytes } from "node:crypto";
import type { FakeResponse, IncomingRequest } from "../testing/fake-api-server";
import { jsonReader, type JsonObject } from "./json-reader";

// Shared by the fake WhatsApp, Messenger and Instagram APIs: what the Graph API checks before it looks at
// the message, and its error format `{ error: { message, type, code, error_subcode?, fbtrace_id } }`.
export const fakeGraphRequest = {
  // The JSON body when method, path, token and content type are right; otherwise the answer Meta gives.
  check(request: IncomingRequest, expected: { path: RegExp; accessToken?: string }): { body: JsonObject } | { refused: FakeResponse } {
    const refused = (answer: FakeResponse) => ({ refused: answer });
    if (request.method !== "POST") return refused(graphError(400, 100, `Unsupported ${request.method.toLowerCase()} request.`));
    if (!expected.path.test(request.path)) return refused(graphError(400, 100, `Unknown path components: ${request.path}`));
    const auth = request.headers.authorization ?? "";
    const token = auth.startsWith("Bearer ") ? auth.slice("Bearer ".length) : request.query.get("access_token");
    if (!token) return refused(graphError(400, 2500, "An active access token must be used to query information about the current user."));
    if (expected.accessToken !== undefined && token !== expected.accessToken) {
      return refused(graphError(401, 190, "Invalid OAuth access token - Cannot parse access token"));
    }
    if (!(request.headers["content-type"] ?? "").startsWith("application/json")) {
      return refused(graphError(400, 100, "(#100) The request body must be JSON (Content-Type: application/json)."));
    }
    try {
      const body = jsonReader.object(JSON.parse(request.body));
      return body ? { body } : refused(graphError(400, 100, "(#100) The body must be a JSON object."));
    } catch {
      return refused(graphError(400, 100, "(#100) The body is not valid JSON."));
    }
  },
  // What a forced failNext(status) answers with, as Meta words it.
  failureBody(status: number): FakeResponse["body"] {
    if (status === 429) return graphError(429, 4, "(#4) Application request limit reached", { transient: true }).body;
    if (status >= 500) return graphError(status, 2, "An unexpected error has occurred. Please retry your request later.", { transient: true }).body;
    return graphError(status, 100, "(#100) Invalid parameter").body;
  },
  messageId(prefix: string): string {
    return `${prefix}${randomBytes(18).toString("base64url")}`;
  },
};

export function graphError(
  status: number,
  code: number,
  message: string,
  extra: { subcode?: number; details?: string; transient?: boolean } = {},
): FakeResponse {
  return {
    status,
    body: {
      error: {
        message,
        type: "OAuthException",
        code,
        ...(extra.subcode ? { error_subcode: extra.subcode } : {}),
        ...(extra.details ? { error_data: { details: extra.details } } : {}),
        ...(extra.transient ? { is_transient: true } : {}),
        fbtrace_id: randomBytes(8).toString("base64url"),
      },
    },
  };
}

import { startFakeApi, type FakeApi, type FakeResponse, type IncomingRequest } from "../testing/fake-api-server";

export type FakeWechatApi = FakeApi & {
  // Requests the fake refused as malformed (tests assert there are none).
  rejections: { path: string; errcode: number; errmsg: string }[];
  // Every access token handed out so far, in order.
  issuedTokens: string[];
  // Make every issued token invalid, as WeChat does when another caller fetched a new one.
  expireTokens: () => void;
  // Answer the next `times` sends with this errcode (45015, 45047, -1...).
  answerNextWith: (errcode: number, times?: number) => void;
};

// A local stand-in for api.weixin.qq.com: /cgi-bin/token and /cgi-bin/message/custom/send, checked
// against the documented shapes and answered as WeChat does (HTTP 200 with errcode / errmsg).
export async function startFakeWechatApi(
  options: { appId?: string; appSecret?: string; expiresIn?: number } = {},
): Promise<FakeWechatApi> {
  const appId = options.appId ?? "wx-test-app";
  const appSecret = options.appSecret ?? "test-app-secret";
  const rejections: FakeWechatApi["rejections"] = [];
  const issuedTokens: string[] = [];
  const valid = new Set<string>();
  const forced: number[] = [];

  const reject = (path: string, errcode: number, errmsg: string): FakeResponse => {
    rejections.push({ path, errcode, errmsg });
    return { status: 200, body: { errcode, errmsg } };
  };

  const handle = (req: IncomingRequest): FakeResponse => {
    if (req.method === "GET" && req.path === "/cgi-bin/token") {
      if (req.query.get("grant_type") !== "client_credential") return reject(req.path, 40002, "invalid grant_type");
      if (req.query.get("appid") !== appId) return { status: 200, body: { errcode: 40013, errmsg: "invalid appid" } };
      if (req.query.get("secret") !== appSecret) return { status: 200, body: { errcode: 40125, errmsg: "invalid appsecret" } };
      const token = `fake-access-token-${issuedTokens.length + 1}`;
      issuedTokens.push(token);
      valid.add(token);
      return { status: 200, body: { access_token: token, expires_in: options.expiresIn ?? 7200 } };
    }
    if (req.method === "POST" && req.path === "/cgi-bin/message/custom/send") {
      const token = req.query.get("access_token") ?? "";
      if (!issuedTokens.includes(token)) return { status: 200, body: { errcode: 40001, errmsg: "invalid credential" } };
      if (!valid.has(token)) return { status: 200, body: { errcode: 42001, errmsg: "access_token expired" } };
      if (!(req.headers["content-type"] ?? "").startsWith("application/json")) return reject(req.path, 47001, "data format error");
      let body: unknown;
      try {
        body = JSON.parse(req.body);
      } catch {
        return reject(req.path, 47001, "data format error");
      }
      const problem = checkCustomMessage(body);
      if (problem) return reject(req.path, problem.errcode, problem.errmsg);
      const errcode = forced.shift();
      if (errcode !== undefined) return { status: 200, body: { errcode, errmsg: `forced ${errcode}` } };
      return { status: 200, body: { errcode: 0, errmsg: "ok" } };
    }
    return reject(req.path, 48001, "api unauthorized");
  };

  const api = await startFakeApi({ handle, failure: () => ({ errcode: -1, errmsg: "system error" }) });
  return {
    ...api,
    rejections,
    issuedTokens,
    expireTokens: () => valid.clear(),
    answerNextWith(errcode, times = 1) {
      for (let i = 0; i < times; i += 1) forced.push(errcode);
    },
  };
}

const bytes = (s: string) => new TextEncoder().encode(s).length;

function checkCustomMessage(body: unknown): { errcode: number; errmsg: string } | undefined {
  if (!body || typeof body !== "object") return { errcode: 47001, errmsg: "data format error" };
  const b = body as Record<string, unknown>;
  if (typeof b.touser !== "string" || b.touser === "") return { errcode: 40003, errmsg: "invalid openid" };
  if (b.msgtype === "text") {
    const content = (b.text as { content?: unknown } | undefined)?.content;
    if (typeof content !== "string" || content === "") return { errcode: 44003, errmsg: "empty news data" };
    if (bytes(content) > 2048) return { errcode: 45002, errmsg: "content size out of limit" };
    return undefined;
  }
  if (b.msgtype === "msgmenu") {
    const menu = b.msgmenu as { head_content?: unknown; list?: unknown; tail_content?: unknown } | undefined;
    if (!menu || typeof menu.head_content !== "string" || typeof menu.tail_content !== "string") {
      return { errcode: 47001, errmsg: "data format error" };
    }
    const list = menu.list;
    if (!Array.isArray(list) || list.length === 0 || list.length > 10) return { errcode: 47001, errmsg: "data format error: list" };
    for (const row of list as { id?: unknown; content?: unknown }[]) {
      if (typeof row.id !== "string" || row.id === "" || bytes(row.id) > 64) return { errcode: 47001, errmsg: "data format error: id" };
      if (typeof row.content !== "string" || row.content === "") return { errcode: 47001, errmsg: "data format error: content" };
    }
    return undefined;
  }
  return { errcode: 40008, errmsg: "invalid message type" };
}

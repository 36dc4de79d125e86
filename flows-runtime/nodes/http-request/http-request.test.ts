import { describe, expect, it } from "vitest";
import type { HttpRequest } from "../../engine/actions";
import type { HttpResult } from "../../engine/events";
import { fakeRunContext } from "../../testing/fake-run-context";
import { httpRequestNode } from "./http-request";
import { parseJsonPath, readJsonPath } from "./read-json-path";

const diagnoseCtx = { nodeId: "h", knownFields: new Set<string>(), knownVariables: new Set<string>(), channels: [] as const };

const lookup = httpRequestNode.data.parse({
  method: "POST",
  url: "https://api.example.com/orders/{{vars.order_id}}",
  headers: [{ name: "Authorization", value: "Bearer {{vars.token}}" }],
  body: '{"email":"{{contact.email}}"}',
  responseMapping: [
    { variable: "order_status", path: "data.status" },
    { variable: "first_item", path: "data.items[0].name" },
    { variable: "eta", path: "data.eta" },
  ],
});

const ctxOptions = { nodeId: "h", variables: { order_id: "A-17", token: "t0k" }, contact: { fields: { email: "aiko@example.jp" } } };

describe("http_request node", () => {
  it("renders the request and waits for the host's result when there is no synchronous resolver", () => {
    const result = httpRequestNode.run(lookup, fakeRunContext(ctxOptions));
    expect(result).toEqual({
      outcome: "wait",
      actions: [
        {
          type: "http_request",
          nodeId: "h",
          requestId: "http-1",
          request: {
            method: "POST",
            url: "https://api.example.com/orders/A-17",
            headers: { Authorization: "Bearer t0k", "Content-Type": "application/json" },
            body: '{"email":"aiko@example.jp"}',
            timeoutMs: 10_000,
          },
        },
      ],
      waiting: { for: "http", nodeId: "h", requestId: "http-1" },
      note: "POST https://api.example.com/orders/A-17",
    });
  });

  it("keeps a contact's answer from changing the URL's query or breaking the JSON body", () => {
    const result = httpRequestNode.run(
      lookup,
      fakeRunContext({ variables: { order_id: "A 17&admin=1", token: "t" }, contact: { fields: { email: 'x"}, "admin": true, "y": "' } } }),
    );
    const action = result.actions?.[0];
    if (action?.type !== "http_request") throw new Error("expected an http_request action");
    expect(action.request.url).toBe("https://api.example.com/orders/A%2017%26admin%3D1");
    expect(JSON.parse(action.request.body ?? "")).toEqual({ email: 'x"}, "admin": true, "y": "' });
    // A URL that starts with a variable takes it as the base address, unencoded.
    const based = httpRequestNode.data.parse({ url: "{{vars.base}}/search?q={{vars.q}}" });
    const searched = httpRequestNode.run(based, fakeRunContext({ variables: { base: "https://api.example.com/v1", q: "料金 プラン" } }));
    expect(searched.actions?.[0]).toMatchObject({ request: { url: "https://api.example.com/v1/search?q=%E6%96%99%E9%87%91%20%E3%83%97%E3%83%A9%E3%83%B3" } });
  });

  it("maps the JSON response into variables on a 2xx result and leaves by success", () => {
    const body = { data: { status: "shipped", items: [{ name: "Tea set" }] } };
    const result = httpRequestNode.resume!(
      lookup,
      fakeRunContext({ ...ctxOptions, event: { type: "http_result", requestId: "http-1", result: { ok: true, status: 200, body } } }),
      { for: "http", nodeId: "h", requestId: "http-1" },
    );
    expect(result).toMatchObject({
      outcome: "next",
      port: "success",
      variables: { order_status: "shipped", first_item: "Tea set", eta: null, http_status: 200, http_error: null },
      note: "HTTP 200; not in the response: data.eta",
    });
  });

  it("uses a synchronous resolver's answer at once", () => {
    const seen: HttpRequest[] = [];
    const http = (request: HttpRequest): HttpResult => {
      seen.push(request);
      return { ok: true, status: 201, body: { data: { status: "new", items: [] } } };
    };
    const result = httpRequestNode.run(lookup, fakeRunContext({ ...ctxOptions, http }));
    expect(seen).toHaveLength(1);
    expect(result).toMatchObject({ outcome: "next", port: "success", variables: { order_status: "new", first_item: null, http_status: 201 } });
  });

  it("leaves by failure with http_error on a timeout, a non-2xx status or a blocked address", () => {
    const resume = (result: HttpResult) =>
      httpRequestNode.resume!(lookup, fakeRunContext({ event: { type: "http_result", requestId: "http-1", result } }), { for: "http", nodeId: "h", requestId: "http-1" });
    expect(resume({ ok: false, code: "http_timeout", message: "No answer within 10 s" })).toMatchObject({
      port: "failure",
      variables: { http_error: { code: "http_timeout", message: "No answer within 10 s" } },
      note: expect.stringContaining("http_timeout"),
    });
    expect(resume({ ok: true, status: 404, body: {} })).toMatchObject({ port: "failure", variables: { http_error: { code: "http_status" }, http_status: 404 } });
    expect(resume({ ok: false, code: "http_blocked", message: "private address" })).toMatchObject({ port: "failure" });
  });

  it("keeps waiting for a result that belongs to another request", () => {
    const waiting = { for: "http", nodeId: "h", requestId: "http-1" } as const;
    const result = httpRequestNode.resume!(lookup, fakeRunContext({ event: { type: "http_result", requestId: "http-0", result: { ok: true, status: 200, body: {} } } }), waiting);
    expect(result).toEqual({ outcome: "wait", waiting });
  });

  it("fails without calling anything when the rendered URL is not http(s)", () => {
    const data = httpRequestNode.data.parse({ url: "{{vars.base}}/x" });
    const result = httpRequestNode.run(data, fakeRunContext({ variables: { base: "file:///etc" } }));
    expect(result).toMatchObject({ outcome: "next", port: "failure", variables: { http_error: { code: "http_invalid_url" } } });
    expect(result.actions).toBeUndefined();
  });

  it("reports non-http URLs, bad templates, bad paths and a body on GET", () => {
    const codes = (input: unknown) => httpRequestNode.diagnose?.(httpRequestNode.data.parse(input), diagnoseCtx).map((d) => d.code);
    expect(codes(lookup)).toEqual([]);
    expect(codes({ url: "ftp://files.example.com/{{vars.x}}" })).toEqual(["invalid_url"]);
    expect(codes({ url: "api.example.com/x" })).toEqual(["invalid_url"]);
    expect(codes({ url: "{{vars.base_url}}/orders" })).toEqual([]);
    expect(codes({ url: "" })).toEqual(["missing_url"]);
    expect(codes({ url: "https://x.example/{{vars.id" })).toEqual(["template_error"]);
    expect(codes({ url: "https://x.example", body: "{}", responseMapping: [{ variable: "a", path: "data..x" }, { variable: "", path: "a.__proto__" }] })).toEqual([
      "body_ignored",
      "invalid_response_path",
      "missing_variable",
      "invalid_response_path",
    ]);
  });

  it("declares the variables it writes", () => {
    expect(httpRequestNode.references?.(lookup).writesVariables).toEqual(["order_status", "first_item", "eta", "http_status", "http_error"]);
  });
});

describe("readJsonPath", () => {
  const doc = { data: { items: [{ name: "a" }, { "full-name": "b" }] }, n: 0 };

  it("reads dotted, indexed and quoted paths", () => {
    expect(readJsonPath(doc, "data.items[1][\"full-name\"]")).toEqual({ found: true, value: "b" });
    expect(readJsonPath(doc, "$.data.items[0].name")).toEqual({ found: true, value: "a" });
    expect(readJsonPath(doc, "n")).toEqual({ found: true, value: 0 });
    expect(readJsonPath([10, 20], "[1]")).toEqual({ found: true, value: 20 });
  });

  it("never walks into the prototype chain or inherited properties", () => {
    expect(readJsonPath(doc, "data.items.length")).toEqual({ found: false });
    expect(readJsonPath(doc, "toString")).toEqual({ found: false });
    expect(readJsonPath(doc, "constructor.name")).toEqual({ found: false });
    expect(readJsonPath({ a: "text" }, "a.length")).toEqual({ found: false });
    expect(parseJsonPath("a['__proto__']").ok).toBe(false);
  });
});

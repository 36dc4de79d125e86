import { z } from "zod";
import { httpRequestSchema, type HttpRequest } from "../../engine/actions";
import type { HttpResult } from "../../engine/events";
import { defineNodeKind, type NodeResult, type NodeRunContext } from "../define-node-kind";
import { diagnoseHttpRequest } from "./http-request-diagnostics";
import { readJsonPath } from "./read-json-path";

export const HTTP_STATUS_VARIABLE = "http_status";
export const HTTP_ERROR_VARIABLE = "http_error";

export const httpRequestDataSchema = z.object({
  method: httpRequestSchema.shape.method.default("GET"),
  // Template: "https://api.example.com/orders/{{vars.order_id}}".
  url: z.string().default(""),
  headers: z.array(z.object({ name: z.string().default(""), value: z.string().default("") })).default([]),
  body: z.string().optional(),
  // Capped so a slow API cannot hold a conversation (and a worker) for long.
  timeoutMs: z.number().int().min(1_000).max(30_000).default(10_000),
  // Which parts of the JSON response become flow variables, e.g. { variable: "plan", path: "data.plan.name" }.
  responseMapping: z.array(z.object({ variable: z.string().default(""), path: z.string().default("") })).default([]),
});
export type HttpRequestData = z.infer<typeof httpRequestDataSchema>;

export const httpRequestNode = defineNodeKind({
  kind: "http_request",
  data: httpRequestDataSchema,
  ports: () => ["success", "failure"],
  requiredPorts: () => ["success"],
  // It waits for the host, not for the contact or a timer, so it does not break an instant cycle.
  waits: () => false,
  references: (data) => ({
    templates: [data.url, ...data.headers.map((header) => header.value), ...(data.body !== undefined ? [data.body] : [])],
    writesVariables: [...data.responseMapping.map((m) => m.variable).filter(Boolean), HTTP_STATUS_VARIABLE, HTTP_ERROR_VARIABLE],
  }),
  diagnose: (data) => diagnoseHttpRequest(data),
  run: (data, ctx) => {
    const request = buildRequest(data, ctx);
    if (!/^https?:\/\//i.test(request.url)) {
      const message = `The URL "${request.url}" is not an http(s) address after filling in its variables.`;
      return failure({ ok: false, code: "http_invalid_url", message });
    }
    const requestId = ctx.nextKey("http");
    // A synchronous resolver (simulator mocks, recorded replays) answers at once.
    const immediate = ctx.http?.(request);
    if (immediate) return handleResult(data, immediate);
    return {
      outcome: "wait",
      actions: [{ type: "http_request", nodeId: ctx.nodeId, requestId, request }],
      waiting: { for: "http", nodeId: ctx.nodeId, requestId },
      note: `${request.method} ${request.url}`,
    };
  },
  resume: (data, ctx, waiting) => {
    const { event } = ctx;
    if (waiting.for !== "http" || event.type !== "http_result" || event.requestId !== waiting.requestId) {
      return { outcome: "wait", waiting };
    }
    return handleResult(data, event.result);
  },
});

function buildRequest(data: HttpRequestData, ctx: NodeRunContext): HttpRequest {
  const headers: Record<string, string> = {};
  for (const header of data.headers) {
    const name = header.name.trim();
    if (name !== "") headers[name] = ctx.template(header.value);
  }
  // fetch() refuses a body on GET, so a body typed into a GET node is dropped (diagnose warns about it).
  const body = data.body !== undefined && data.method !== "GET" ? renderBody(data.body, ctx) : undefined;
  if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) {
    headers["Content-Type"] = /^\s*[[{]/.test(body) ? "application/json" : "text/plain; charset=utf-8";
  }
  return {
    method: data.method,
    url: renderUrl(data.url, ctx).trim(),
    headers,
    ...(body !== undefined ? { body } : {}),
    timeoutMs: data.timeoutMs,
  };
}

// Values filled into the URL are percent-encoded, so an answer such as "A&admin=1" stays one value and
// cannot add query parameters. A template at the very start is a base URL and is used as it is.
function renderUrl(source: string, ctx: NodeRunContext): string {
  return source.replace(TEMPLATE_PART, (part, offset: number) => {
    const value = ctx.template(part);
    return offset === 0 ? value : encodeURIComponent(value);
  });
}

// In a JSON body, values are escaped as JSON string content, so a contact typing a quote or a line
// break cannot break the document (numbers and booleans are unchanged by the escaping).
function renderBody(source: string, ctx: NodeRunContext): string {
  if (!/^\s*[[{]/.test(source)) return ctx.template(source);
  return source.replace(TEMPLATE_PART, (part) => JSON.stringify(ctx.template(part)).slice(1, -1));
}

const TEMPLATE_PART = /\{\{[\s\S]*?\}\}/g;

function handleResult(data: HttpRequestData, result: HttpResult): NodeResult {
  if (!result.ok) return failure(result);
  if (result.status < 200 || result.status > 299) {
    return failure({ ok: false, code: "http_status", message: `The server answered with status ${result.status}.`, status: result.status });
  }
  const variables: Record<string, unknown> = { [HTTP_STATUS_VARIABLE]: result.status, [HTTP_ERROR_VARIABLE]: null };
  const missing: string[] = [];
  for (const mapping of data.responseMapping) {
    if (!mapping.variable) continue;
    const read = readJsonPath(result.body, mapping.path);
    // null rather than leaving an old value: in a loop, a stale value from the previous call would mislead.
    variables[mapping.variable] = read.found ? read.value : null;
    if (!read.found) missing.push(mapping.path);
  }
  const note = missing.length > 0 ? `HTTP ${result.status}; not in the response: ${missing.join(", ")}` : `HTTP ${result.status}`;
  return { outcome: "next", port: "success", variables, note };
}

function failure(result: Extract<HttpResult, { ok: false }>): NodeResult {
  return {
    outcome: "next",
    port: "failure",
    variables: {
      [HTTP_ERROR_VARIABLE]: { code: result.code, message: result.message },
      [HTTP_STATUS_VARIABLE]: result.status ?? null,
    },
    note: `${result.code}: ${result.message}`,
  };
}

import { parseTemplate } from "../../template/template";
import type { DiagnosticDraft } from "../define-node-kind";
import type { HttpRequestData } from "./http-request";
import { parseJsonPath } from "./read-json-path";

export function diagnoseHttpRequest(data: HttpRequestData): DiagnosticDraft[] {
  const problems: DiagnosticDraft[] = [];
  const url = data.url.trim();
  if (url === "") {
    problems.push({ code: "missing_url", severity: "error", message: "Enter the address to call, e.g. https://api.example.com/orders." });
  } else if (!url.startsWith("{{")) {
    // Template parts are unknown until run time; only the fixed text around them is checked. A URL that
    // starts with a variable ({{vars.base_url}}/x) can only be checked at run time.
    const fixed = url.replace(/\{\{[^}]*\}\}/g, "x");
    if (!/^https?:\/\/[^\s/?#]+/i.test(fixed)) {
      problems.push({ code: "invalid_url", severity: "error", message: `"${url}" is not a web address: it must start with https:// (or http://) and a host name.` });
    } else if (/^http:\/\//i.test(fixed)) {
      problems.push({ code: "insecure_url", severity: "warning", message: "This address uses http://, so the request and any data in it travel unencrypted. Use https:// if the API supports it." });
    }
  }
  problems.push(...templateProblems(data.url, "URL"));
  for (const header of data.headers) {
    const name = header.name.trim();
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) {
      problems.push({ code: "invalid_header_name", severity: "error", message: `"${header.name}" is not a valid header name: use letters, digits and dashes, e.g. Authorization.` });
    }
    problems.push(...templateProblems(header.value, `header ${name || "(unnamed)"}`));
  }
  if (data.body !== undefined) {
    problems.push(...templateProblems(data.body, "body"));
    if (data.method === "GET" && data.body.trim() !== "") {
      problems.push({ code: "body_ignored", severity: "warning", message: "GET requests cannot carry a body, so it will not be sent. Use POST, or put the values in the URL." });
    }
  }
  for (const mapping of data.responseMapping) {
    if (mapping.variable.trim() === "") {
      problems.push({ code: "missing_variable", severity: "error", message: `Choose the variable that should receive "${mapping.path}".` });
    }
    const path = parseJsonPath(mapping.path);
    if (!path.ok) problems.push({ code: "invalid_response_path", severity: "error", message: path.message });
  }
  return problems;
}

function templateProblems(source: string, where: string): DiagnosticDraft[] {
  const parsed = parseTemplate(source);
  return parsed.ok ? [] : [{ code: "template_error", severity: "error", message: `In the ${where}: ${parsed.message}` }];
}

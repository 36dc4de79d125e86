import { describe, expect, it } from "vitest";

// flows-runtime runs in the browser builder, the simulator and the server alike: it must not reach for
// a framework, a database, the network, the environment, the clock or Math's random source. Files are
// read through Vite's import.meta.glob (not node:fs) so this test obeys its own rule.
const sources = import.meta.glob("./**/*.ts", { query: "?raw", import: "default", eager: true });

// Built by concatenation so this file's own text does not trip the checks.
const FORBIDDEN_MODULES = [/^react(-dom)?(\/|$)/, /^next(\/|$)/, /^drizzle-orm(\/|$)/, /^drizzle-kit(\/|$)/, /^postgres$/, /^pg-boss$/, /^@electric-sql\//, /^node:/, /^(fs|http|https|net|crypto|child_process|os|path)$/];
const FORBIDDEN_CALLS = [["process", "env"].join("."), ["Date", "now("].join("."), ["Math", "random("].join("."), ["new Date", "()"].join("")];

describe("flows-runtime purity", () => {
  it("finds the package's files", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(30);
    expect(Object.keys(sources)).toContain("./engine/step.ts");
  });

  it("imports no framework, database, network or Node module", () => {
    const offenders = Object.entries(sources).flatMap(([file, text]) =>
      importsOf(stripComments(text))
        .filter((specifier) => FORBIDDEN_MODULES.some((pattern) => pattern.test(specifier)))
        .map((specifier) => `${file} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it("reads no environment, clock or global randomness", () => {
    const offenders = Object.entries(sources).flatMap(([file, text]) => {
      const code = stripComments(text);
      return FORBIDDEN_CALLS.filter((call) => code.includes(call)).map((call) => `${file} uses ${call}`);
    });
    expect(offenders).toEqual([]);
  });

  it("catches the imports it is meant to catch", () => {
    const sample = `import { x } from "react";\nimport type { Y } from 'node:http';\nconst z = await import("pg-boss");\nexport * from "drizzle-orm/pg-core";`;
    expect(importsOf(sample)).toEqual(["react", "node:http", "pg-boss", "drizzle-orm/pg-core"]);
    expect(stripComments(`// ${FORBIDDEN_CALLS[0]}\nconst url = "https://x";`)).not.toContain(FORBIDDEN_CALLS[0]);
  });
});

function importsOf(code: string): string[] {
  const specifiers: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) specifiers.push(match[1] as string);
  return specifiers;
}

// Drops /* */ and // comments (not "//" inside a string such as a URL), so a comment that explains why
// the clock is injected does not count as reading it.
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

declare global {
  interface ImportMeta {
    glob(pattern: string, options: { query: "?raw"; import: "default"; eager: true }): Record<string, string>;
  }
}

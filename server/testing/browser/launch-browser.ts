import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { projectRoot } from "./project-root";
import type { RunningApp } from "./start-app";

// Debian's chromium package (.ci/run installs it); tests never download a browser.
const CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

// Flags for a small shared CI machine: no sandbox (containers run as root), no GPU, and nothing that
// phones home or updates itself in the background.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = CHROMIUM_PATHS.find((path) => existsSync(path));
  if (!executablePath) {
    throw new Error(`Browser tests need Debian's chromium (${CHROMIUM_PATHS.join(" or ")}): apt-get install chromium`);
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export type AppPage = { context: BrowserContext; page: Page; errors: string[] };

// A fresh browser context on the app: a desktop viewport, downloads allowed, relative URLs resolved
// against the app. Uncaught page errors are collected in `errors` so a test can assert there were none.
export async function openApp(browser: Browser, app: RunningApp, options: { viewport?: { width: number; height: number } } = {}): Promise<AppPage> {
  const viewport = options.viewport ?? { width: 1440, height: 900 };
  const context = await browser.newContext({ baseURL: app.url, viewport, acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(60_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

// Where a screenshot or other artifact of a browser test goes (test-artifacts/ is gitignored, kept by CI).
export function artifactPath(fileName: string): string {
  const dir = join(projectRoot, "test-artifacts");
  mkdirSync(dir, { recursive: true });
  return join(dir, fileName);
}

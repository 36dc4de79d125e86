import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackend } from "../../testing/test-database";
import { importTestKit } from "./import-test-kit";

const ROWS = 50_000;

// A big customer list: every 1,000th row has a broken phone, every 500th repeats an earlier row's
// email (merged, not duplicated). Must finish well within a minute on PGlite.
function bigFile(): string {
  const lines = ["name,phone,email,tags"];
  for (let i = 1; i <= ROWS; i += 1) {
    const phone = i % 1000 === 0 ? "12" : `+8190${String(10_000_000 + i).slice(-8)}`;
    const email = i % 500 === 250 ? `user${i - 1}@example.com` : `user${i}@example.com`;
    const name = i % 7 === 0 ? `"顧客 ${i}, 様"` : `Customer ${i}`;
    lines.push(`${name},${phone},${email},${i % 2 === 0 ? "even" : "odd"}`);
  }
  return lines.join("\r\n");
}

describe(`CSV import of ${ROWS.toLocaleString("en")} rows (${testBackend()})`, () => {
  let kit: Awaited<ReturnType<typeof importTestKit>>;
  beforeAll(async () => {
    kit = await importTestKit();
  });
  afterAll(async () => kit?.database.drop());

  it("imports every row in chunks with exact counts and the right line numbers", async () => {
    const started = Date.now();
    const result = await kit.importFile(bigFile(), {
      mapping: [{ kind: "builtin", key: "name" }, { kind: "builtin", key: "phone" }, { kind: "builtin", key: "email" }, { kind: "tags" }],
    });
    const seconds = (Date.now() - started) / 1000;
    const broken = ROWS / 1000;
    // Rows 250, 750, ... repeat the previous row's email with their own phone: merged into it (by email).
    const duplicates = ROWS / 500;
    expect(result).toMatchObject({ status: "done", total: ROWS, processed: ROWS, rejected: broken, merged: duplicates, created: ROWS - broken - duplicates });
    expect(await kit.count("contacts")).toBe(ROWS - broken - duplicates);
    const lines = await kit.database.query<{ line: number }>("select line from contact_import_rejections order by line limit 2");
    expect(lines.map((row) => row.line)).toEqual([1001, 2001]);
    // One tag each, and the merged rows add theirs ("even") to the contact they merged into ("odd").
    expect(await kit.count("contact_tags")).toBe(ROWS - broken);
    expect(seconds).toBeLessThan(90);
    console.log(`[import] ${ROWS} rows in ${seconds.toFixed(1)} s on ${testBackend()}`);
  }, 180_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportContactsCsv } from "../export/export-contacts";
import type { ImportSettingsInput } from "./import-settings";
import { testBackend } from "../../testing/test-database";
import { importTestKit } from "./import-test-kit";
import { previewImport } from "./preview-import";
import { rejectionsCsv } from "./rejections-csv";
import { csvRecords } from "./csv-records";
import { suggestMapping } from "./suggest-mapping";

type Kit = Awaited<ReturnType<typeof importTestKit>>;

const HEADER = "name,phone,email,age,tags";
const mapping: ImportSettingsInput["mapping"] = [
  { kind: "builtin", key: "name" },
  { kind: "builtin", key: "phone" },
  { kind: "builtin", key: "email" },
  { kind: "field", key: "age" },
  { kind: "tags" },
];

// Line numbers count the header as line 1; the quoted cell on line 3 spans lines 3–4.
const BROKEN = [
  HEADER, // 1
  '山田 太郎,０９０－１２３４－５６７８,taro@example.jp,42,"vip, 2024 fair"', // 2
  '"Sato, Hanako ""Hana""",+81 80 2222 3333,,"31","line one', // 3
  'line two, still notes"', // 4
  "Bad Phone,12345,bad@example.com,20,", // 5
  "Bad Email,09011112222,not-an-email,20,", // 6
  "Wrong Number,09033334444,wrong@example.com,forty,", // 7
  ",,,,", // 8
  "鈴木 一郎,,ichiro@example.jp,,newsletter", // 9
  "Too,many,cells,here,x,y", // 10
  '"Broken, multi', // 11
  'line name",999,,,', // 12
  "Kenji,03-1234-5678,,,", // 13
].join("\n");

describe(`CSV import (${testBackend()})`, () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await importTestKit();
    await kit.database.query("insert into field_definitions (workspace_id, key, label, type) values ($1, 'age', 'Age', 'number')", [kit.workspaceId]);
  });
  afterAll(async () => kit?.database.drop());

  it("refuses a malformed file before anything is stored and changes nothing", async () => {
    const before = await Promise.all(["contacts", "contact_imports", "tags", "contact_import_rejections"].map(kit.count));
    const cases: [string | Uint8Array, RegExp][] = [
      ['name,phone\n"Taro,0901234567\nHanako,0807654321\n', /never closed/],
      ["name,,email\nTaro,1,a@b.co\n", /Column 2 has no name/],
      ["phone,Phone\n1,2\n", /both named/],
      ["", /empty/],
      ["name,phone\n", /no rows/],
      ["山田,09012345678,taro@example.jp\n", /holds data/],
      [new Uint8Array([0x8e, 0x52, 0x93, 0x63, 0x2c, 0x31, 0x0a, 0x31, 0x2c, 0x32]), /not UTF-8.*Shift_JIS/],
      [new Uint8Array([0xff, 0xfe, 0x6e, 0x00]), /UTF-16/],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), /not a CSV/],
      ['name,phone\n"Taro"x,1\n', /closing quote/],
    ];
    for (const [file, message] of cases) {
      const result = await kit.upload(file);
      expect(result.ok, String(message)).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
    const after = await Promise.all(["contacts", "contact_imports", "tags", "contact_import_rejections"].map(kit.count));
    expect(after).toEqual(before);
  });

  it("previews the first rows as they will be imported", async () => {
    const uploaded = await kit.upload(BROKEN);
    if (!uploaded.ok) throw new Error(uploaded.error);
    expect(uploaded.total).toBe(10);
    const preview = await previewImport(kit.database, kit.workspaceId, uploaded.importId, { mapping, defaultCountry: "JP" });
    expect(preview.mappingProblem).toBeNull();
    expect(preview.rows.map((row) => row.line)).toEqual([2, 3, 5, 6, 7, 8, 9, 10, 11, 13]);
    expect(preview.rows[0]).toMatchObject({ action: "create", values: { name: "山田 太郎", phone: "+819012345678", email: "taro@example.jp", age: "42", tags: "vip, 2024 fair" } });
    expect(preview.rows[2]).toMatchObject({ action: "reject" });
    expect(preview.rows[2]!.problem).toMatch(/12345/);
    // Nothing written by a preview.
    expect(await kit.count("contacts")).toBe(0);
  });

  it("imports the good rows and reports each broken one with its line and reason", async () => {
    const result = await kit.importFile(BROKEN, { mapping, defaultCountry: "JP" });
    expect(result).toMatchObject({ status: "done", total: 10, processed: 10, created: 4, merged: 0, rejected: 6 });
    const contacts = await kit.database.query<{ display_name: string; fields: Record<string, unknown> }>(
      "select display_name, fields from contacts where workspace_id = $1 order by display_name",
      [kit.workspaceId],
    );
    expect(contacts).toEqual([
      { display_name: "Kenji", fields: { phone: "+81312345678" } },
      { display_name: 'Sato, Hanako "Hana"', fields: { phone: "+818022223333", age: 31 } },
      { display_name: "山田 太郎", fields: { phone: "+819012345678", email: "taro@example.jp", age: 42 } },
      { display_name: "鈴木 一郎", fields: { email: "ichiro@example.jp" } },
    ]);
    const rejections = await kit.database.query<{ line: number; reason: string }>(
      "select line, reason from contact_import_rejections where import_id = $1 order by line",
      [result.importId],
    );
    expect(rejections.map((row) => row.line)).toEqual([5, 6, 7, 8, 10, 11]);
    const reason = (line: number) => rejections.find((row) => row.line === line)!.reason;
    expect(reason(5)).toMatch(/Phone: "12345" is not a valid phone number/);
    expect(reason(6)).toMatch(/Email: "not-an-email" is not an email address/);
    expect(reason(7)).toMatch(/Age: "forty" is not a number/);
    expect(reason(8)).toMatch(/No phone or email/);
    expect(reason(10)).toMatch(/6 cells but the header has 5/);
    expect(reason(11)).toMatch(/"999" is not a valid phone number/);
    const tags = await kit.database.query<{ name: string }>("select name from tags where workspace_id = $1 order by name", [kit.workspaceId]);
    expect(tags.map((tag) => tag.name)).toEqual(["2024 fair", "line one line two", "newsletter", "still notes", "vip"]);
  });

  it("downloads the rejected rows as CSV with line, reason and the original cells", async () => {
    const [latest] = await kit.database.query<{ id: string }>("select id from contact_imports where status = 'done' order by created_at desc limit 1");
    let csv = "";
    for await (const part of rejectionsCsv(kit.database, kit.workspaceId, latest!.id)) csv += part;
    const records = [...csvRecords(csv.replace(/^\ufeff/, ""), ",")];
    expect(records[0]!.cells).toEqual(["line", "reason", "name", "phone", "email", "age", "tags"]);
    expect(records.map((record) => record.cells[0])).toEqual(["line", "5", "6", "7", "8", "10", "11"]);
    expect(records[6]!.cells.slice(0, 4)).toEqual(["11", records[6]!.cells[1], "Broken, multi\nline name", "999"]);
  });

  it("merges by phone and by email, filling gaps without overwriting, and never duplicates on re-import", async () => {
    const before = await kit.count("contacts");
    const again = await kit.importFile(BROKEN, { mapping, defaultCountry: "JP" });
    expect(again).toMatchObject({ created: 0, merged: 4, rejected: 6 });
    expect(await kit.count("contacts")).toBe(before);

    const update = [
      "name,phone,email,age,tags",
      "Taro Yamada,+819012345678,,50,returning", // by phone: name and age kept (fill_empty), tag added
      "Ichiro,08055556666,ICHIRO@example.jp,,", // by email (case-insensitive): phone filled in
    ].join("\n");
    const merged = await kit.importFile(update, { mapping, defaultCountry: "JP" });
    expect(merged).toMatchObject({ created: 0, merged: 2, rejected: 0 });
    const [taro] = await kit.database.query<{ display_name: string; fields: Record<string, unknown>; tags: string[] }>(
      `select display_name, fields, array(select t.name from contact_tags ct join tags t on t.id = ct.tag_id where ct.contact_id = c.id order by t.name) as tags
       from contacts c where fields->>'phone' = '+819012345678'`,
    );
    expect(taro).toMatchObject({ display_name: "山田 太郎", fields: { age: 42 }, tags: ["2024 fair", "returning", "vip"] });
    const [ichiro] = await kit.database.query<{ display_name: string; fields: Record<string, unknown> }>(
      "select display_name, fields from contacts where fields->>'email' = 'ichiro@example.jp'",
    );
    expect(ichiro).toMatchObject({ display_name: "鈴木 一郎", fields: { phone: "+818055556666" } });

    const overwrite = await kit.importFile("phone,age\n+819012345678,51\n", {
      mapping: [{ kind: "builtin", key: "phone" }, { kind: "field", key: "age" }],
      policy: "overwrite",
    });
    expect(overwrite).toMatchObject({ created: 0, merged: 1 });
    const [after] = await kit.database.query<{ age: number }>("select (fields->>'age')::int as age from contacts where fields->>'phone' = '+819012345678'");
    expect(after!.age).toBe(51);
    expect(await kit.count("contacts")).toBe(before);
  });

  it("exports a filtered set that imports back into the same contacts", async () => {
    const [vip] = await kit.database.query<{ id: string }>("select id from tags where name = 'vip'");
    let csv = "";
    for await (const part of exportContactsCsv(kit.database, kit.workspaceId, { tagIds: [vip!.id] })) csv += part;
    const records = [...csvRecords(csv.replace(/^\ufeff/, ""), ",")];
    expect(records).toHaveLength(2);
    // The formula guard: a phone starting with + is written with an apostrophe.
    expect(records[1]!.cells).toContain("'+819012345678");
    const headers = records[0]!.cells;
    const fields = [{ key: "age", label: "Age", type: "number" as const, options: [] }];
    const before = await kit.count("contacts");
    const result = await kit.importFile(csv, { mapping: suggestMapping(headers, fields), policy: "overwrite" });
    expect(result).toMatchObject({ created: 0, merged: 1, rejected: 0 });
    expect(await kit.count("contacts")).toBe(before);
    const [taro] = await kit.database.query<{ fields: Record<string, unknown> }>("select fields from contacts where fields->>'phone' = '+819012345678'");
    expect(taro!.fields).toEqual({ phone: "+819012345678", email: "taro@example.jp", age: 51 });
  });
});

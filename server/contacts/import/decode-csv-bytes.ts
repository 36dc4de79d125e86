export type DecodedCsv = { ok: true; text: string; hadBom: boolean } | { ok: false; error: string };

// CSV files are accepted as UTF-8, with or without a BOM (Excel's "CSV UTF-8" writes one). Anything
// else is refused with a message that says how to fix it, instead of importing mojibake names.
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (bytes.length === 0) return { ok: false, error: "The file is empty." };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, error: "The file is UTF-16 encoded. Save it as \"CSV UTF-8\" and upload it again." };
  }
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hadBom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) {
    return { ok: false, error: "This is not a CSV text file (it contains binary data). Export the sheet as CSV UTF-8 and upload that." };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return {
      ok: false,
      error:
        "The file is not UTF-8 (Excel in Japan saves CSV as Shift_JIS). In Excel choose \"CSV UTF-8 (comma delimited)\", or convert the file to UTF-8, and upload it again.",
    };
  }
  // Control characters other than tab and line breaks do not occur in real CSV exports.
  const controls = text.slice(0, 65_536).match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 0) return { ok: false, error: "This is not a CSV text file (it contains control characters)." };
  return { ok: true, text, hadBom };
}

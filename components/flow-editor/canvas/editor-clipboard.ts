// Copy and paste go through the system clipboard as JSON (so they work between flows and browser tabs).
// The in-memory copy is the fallback when the browser refuses clipboard access (permissions, plain http).
let memoryCopy: string | null = null;

export async function writeClipboard(json: string): Promise<void> {
  memoryCopy = json;
  try {
    await navigator.clipboard.writeText(json);
  } catch {
    // Kept in memory only: pasting still works within this tab.
  }
}

// The clipboard's text, or the in-memory copy when the clipboard cannot be read. A clipboard holding
// something else (text the user copied elsewhere) is returned as is; paste() then ignores it.
export async function readClipboard(): Promise<string | null> {
  try {
    const text = await navigator.clipboard.readText();
    if (text.trim() !== "") return text;
  } catch {
    // Fall through to the in-memory copy.
  }
  return memoryCopy;
}

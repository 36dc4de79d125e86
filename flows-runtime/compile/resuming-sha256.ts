import { compressBlocks, finishHex, initialState } from "./sha256";

// Blocks between saved states: 1 KB, so a resume redoes at most 16 blocks before the first change.
const EVERY = 16;

// sha256Hex that remembers its last input: text that starts like the previous text (a flow's canonical
// JSON after one step changed: everything before that step is the same) is hashed from the state saved
// just before the first difference. The digest is exactly sha256Hex's: the state after a run of blocks
// depends on those blocks alone. One instance per kind of caller, not per flow: a text unlike the last
// costs one comparison that stops at the first differing byte.
export class ResumingSha256 {
  // Kept as given, not copied: callers pass bytes they do not change afterwards.
  private previous: Uint8Array = new Uint8Array(0);
  // The state after every EVERY whole blocks of `previous`, 8 words each; the first is the initial state.
  private saved = initialState();
  private digest: string | undefined;

  hex(input: string | Uint8Array): string {
    const bytes = typeof input === "string" ? encoder.encode(input) : input;
    const same = commonPrefixLength(bytes, this.previous);
    // The very bytes hashed last time (a recompile that changed nothing).
    if (same === bytes.length && same === this.previous.length && this.digest !== undefined) return this.digest;
    const wholeBlocks = Math.floor(bytes.length / 64);
    const sameBlocks = Math.floor(same / 64);
    const reusable = Math.min(Math.floor(Math.min(sameBlocks, wholeBlocks) / EVERY), this.saved.length / 8 - 1);
    const saved = new Int32Array((Math.floor(wholeBlocks / EVERY) + 1) * 8);
    saved.set(this.saved.subarray(0, (reusable + 1) * 8));
    const state = this.saved.slice(reusable * 8, reusable * 8 + 8);
    for (let checkpoint = reusable + 1; checkpoint * EVERY <= wholeBlocks; checkpoint++) {
      compressBlocks(state, bytes, (checkpoint - 1) * EVERY * 64, checkpoint * EVERY * 64);
      saved.set(state, checkpoint * 8);
    }
    compressBlocks(state, bytes, Math.floor(wholeBlocks / EVERY) * EVERY * 64, wholeBlocks * 64);
    this.previous = bytes;
    this.saved = saved;
    this.digest = finishHex(state, bytes);
    return this.digest;
  }
}

// How many leading bytes a and b share, compared four at a time where both are aligned.
function commonPrefixLength(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const wordsA = new Int32Array(a.buffer, a.byteOffset, length >> 2);
    const wordsB = new Int32Array(b.buffer, b.byteOffset, length >> 2);
    let w = 0;
    while (w < wordsA.length && wordsA[w] === wordsB[w]) w++;
    i = w * 4;
  }
  while (i < length && a[i] === b[i]) i++;
  return i;
}

const encoder = new TextEncoder();

import { describe, expect, it } from "vitest";
import type { Tx } from "./transaction";
import { batchPerTurn } from "./turn-batch";

const tx = (): Tx => ({ query: async () => [], executor: { executeSql: async () => ({ rows: [] }) } });

describe("batchPerTurn", () => {
  it("makes one write for the calls of a turn, per transaction, answering each call with its own output", async () => {
    const writes: number[][] = [];
    const double = batchPerTurn(async (_tx: Tx, inputs: number[]) => {
      writes.push(inputs);
      return inputs.map((input) => input * 2);
    });
    const [a, b] = [tx(), tx()];
    const answers = await Promise.all([double(a, 1), double(a, 2), double(b, 3), Promise.resolve().then(() => double(a, 4))]);
    expect(answers).toEqual([2, 4, 6, 8]);
    expect(writes).toEqual([[1, 2, 4], [3]]);
    // A later turn is a new write.
    expect(await double(a, 5)).toBe(10);
    expect(writes).toHaveLength(3);
  });

  it("rejects every call of the turn when the write fails or answers the wrong number of calls", async () => {
    const failing = batchPerTurn(async () => {
      throw new Error("statement failed");
    });
    const t = tx();
    const results = await Promise.allSettled([failing(t, 1), failing(t, 2)]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    const short = batchPerTurn(async (_tx: Tx, inputs: number[]) => inputs.slice(1));
    await expect(Promise.all([short(t, 1), short(t, 2)])).rejects.toThrow("a batch of 2 returned 1 results");
  });
});

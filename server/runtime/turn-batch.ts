import type { Tx } from "./transaction";

// One statement for the calls a transaction makes in the same turn of the event loop. The contacts of
// a group step side by side in one transaction and reach the same statement within one turn, so a
// burst costs a round trip per turn instead of one per contact (DESIGN.md section 4, one statement per
// message and group commit). `write` gets the inputs in call order and returns one output per input,
// in that order; if it throws, every call of the turn rejects with its error.
export function batchPerTurn<Input, Output>(write: (tx: Tx, inputs: Input[]) => Promise<Output[]>): (tx: Tx, input: Input) => Promise<Output> {
  const pending = new WeakMap<Tx, Call<Input, Output>[]>();
  const flush = async (tx: Tx) => {
    const calls = pending.get(tx) ?? [];
    pending.delete(tx);
    try {
      const outputs = await write(
        tx,
        calls.map((call) => call.input),
      );
      if (outputs.length !== calls.length) throw new Error(`a batch of ${calls.length} returned ${outputs.length} results`);
      calls.forEach((call, index) => call.resolve(outputs[index]!));
    } catch (error) {
      for (const call of calls) call.reject(error);
    }
  };
  return (tx, input) =>
    new Promise<Output>((resolve, reject) => {
      let calls = pending.get(tx);
      if (!calls) {
        pending.set(tx, (calls = []));
        // After the turn's microtasks: every contact that is going to make this call has made it.
        setImmediate(() => void flush(tx));
      }
      calls.push({ input, resolve, reject });
    });
}

type Call<Input, Output> = { input: Input; resolve: (output: Output) => void; reject: (error: unknown) => void };

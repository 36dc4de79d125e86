// Group commit: items that arrive while a write is in flight wait, then go together in the next write
// (at most `maxWeight` of them by `weight`, an item never split), so a burst costs one statement and
// one commit per round instead of one per item, and each caller still resolves only once its own item
// is written. A batch that fails is written again item by item, so a bad item fails only its caller.
export function groupCommit<Item, Result>(
  write: (items: Item[]) => Promise<Result[]>,
  limits: { weight: (item: Item) => number; maxWeight: number } = { weight: () => 1, maxWeight: Infinity },
): (item: Item) => Promise<Result> {
  const queued: { item: Item; done: (result: Result) => void; failed: (error: unknown) => void }[] = [];
  let writing = false;

  const nextBatch = () => {
    let count = 1;
    let weight = limits.weight(queued[0]!.item);
    while (count < queued.length && weight + limits.weight(queued[count]!.item) <= limits.maxWeight) weight += limits.weight(queued[count++]!.item);
    return queued.splice(0, count);
  };

  const writeOne = async (entry: (typeof queued)[number]) => {
    try {
      const [result] = await write([entry.item]);
      entry.done(result!);
    } catch (error) {
      entry.failed(error);
    }
  };

  const writeQueued = async () => {
    writing = true;
    while (queued.length > 0) {
      const batch = nextBatch();
      if (batch.length === 1) {
        await writeOne(batch[0]!);
        continue;
      }
      try {
        const results = await write(batch.map((entry) => entry.item));
        batch.forEach((entry, index) => entry.done(results[index]!));
      } catch {
        for (const entry of batch) await writeOne(entry);
      }
    }
    writing = false;
  };

  return (item) =>
    new Promise<Result>((done, failed) => {
      queued.push({ item, done, failed });
      if (!writing) void writeQueued();
    });
}

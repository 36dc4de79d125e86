// A download body that pulls text from an async generator as the client reads it, so a large export
// never sits in memory whole. `head` is text already produced (to fail before the status line is sent).
export function streamText(head: string[], rest: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const queued = [...head];
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = queued.shift();
      if (next !== undefined) {
        controller.enqueue(encoder.encode(next));
        return;
      }
      const result = await rest.next();
      if (result.done) controller.close();
      else controller.enqueue(encoder.encode(result.value));
    },
    async cancel() {
      await rest.return(undefined);
    },
  });
}

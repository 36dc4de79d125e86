import { Worker } from "node:worker_threads";

// A worker thread running a TypeScript file (its file: URL): tsx's loader does not reach worker threads
// by itself, so the worker registers it first, then loads the file. Kaiwa's own processes run on tsx.
export function startTsWorker(script: URL, workerData: unknown): Worker {
  return new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`, { eval: true, workerData });
}

// The worker's next message, or its failure.
export function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: T) => {
      worker.off("error", reject);
      worker.off("exit", onExit);
      resolve(message);
    };
    const onExit = (code: number) => reject(new Error(`the bench worker stopped (exit ${code})`));
    worker.once("message", onMessage);
    worker.once("error", reject);
    worker.once("exit", onExit);
  });
}

import type { Database } from "../db/client";

export type ContactWaker = (channelId: string, externalIds: string[]) => void;

// The processor running in this process for a database, if any. On globalThis because Next bundles
// each route separately: the webhook route and the runtime started from instrumentation must meet.
const holder = globalThis as typeof globalThis & { __kaiwaWakers?: WeakMap<Database, ContactWaker> };
const wakers = (holder.__kaiwaWakers ??= new WeakMap());

export function registerWaker(database: Database, waker: ContactWaker | null): void {
  if (waker) wakers.set(database, waker);
  else wakers.delete(database);
}

// Without a processor here (the CLI, a web-only process) the events wait for another process's sweeper.
export function wakeContacts(database: Database, channelId: string, externalIds: string[]): void {
  if (externalIds.length > 0) wakers.get(database)?.(channelId, externalIds);
}

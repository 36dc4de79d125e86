"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { describeImportError } from "./describe-import-error";

// The server accepts up to 5 MB of JSON; say so before uploading rather than after.
const MAX_BYTES = 5_000_000;

export type ImportOutcome =
  | { kind: "error"; fileName: string; headline: string; details: string[] }
  | { kind: "imported"; fileName: string; id: string; name: string };

// Reads a chosen .json file and hands its text to flows.import, which validates it and creates nothing
// when it is broken. The outcome is what the page shows.
export function useImportFlow(refresh: () => Promise<unknown>) {
  const trpc = useTRPC();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const mutation = useMutation(trpc.flows.import.mutationOptions());

  async function importFile(file: File) {
    setOutcome(null);
    const fail = (message: string) => setOutcome({ kind: "error", fileName: file.name, ...describeImportError(message) });
    if (file.size > MAX_BYTES) return fail(`The file is ${(file.size / 1_000_000).toFixed(1)} MB; a flow file can be at most 5 MB.`);
    let json: string;
    try {
      json = await file.text();
    } catch (error) {
      return fail(`The file could not be read: ${(error as Error).message}`);
    }
    if (json.trim() === "") return fail("The file is empty.");
    try {
      const flow = await mutation.mutateAsync({ json });
      setOutcome({ kind: "imported", fileName: file.name, id: flow.id, name: flow.name });
      await refresh();
    } catch (error) {
      fail((error as Error).message);
    }
  }

  return { importFile, outcome, pending: mutation.isPending, dismiss: () => setOutcome(null) };
}

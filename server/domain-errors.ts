// Errors a user can act on, thrown by server code and mapped to tRPC codes in one place (api/trpc.ts).
export type DomainErrorCode = "not_found" | "conflict" | "invalid" | "forbidden";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    // Extra data the client shows (e.g. the diagnostics that blocked a publish, the current revision).
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("not_found", `${what} was not found.`);

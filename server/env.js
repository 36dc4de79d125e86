// The only reader of process.env. Imported by next.config.js, so a bad value fails `next build` and
// `next dev` at start-up with a message naming the variable, instead of failing later at a request.
import { z } from "zod";

const postgresUrl = z
  .string()
  .url("must be a URL such as postgres://user:password@host:5432/database")
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://");

// Empty strings count as unset: `DATABASE_URL= npm run dev` should mean "use the embedded database".
const optional = (schema) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const envSchema = z.object({
  DATABASE_URL: optional(postgresUrl),
  KAIWA_DATA_DIR: z.string().min(1, "must not be empty").default(".data"),
  KAIWA_DEMO_SEED: z.enum(["true", "false"], { message: "must be true or false" }).default("true"),
  KAIWA_QUEUE: z.enum(["true", "false"], { message: "must be true or false" }).default("true"),
  // 32 bytes, base64 or hex: encrypts channel credentials at rest. Unset: a key is generated once in
  // KAIWA_DATA_DIR/secret.key (fine for one machine; several workers must share one KAIWA_SECRET_KEY).
  KAIWA_SECRET_KEY: optional(
    z.string().refine((value) => decodeKey(value) !== null, "must be 32 bytes, as 64 hex characters or base64"),
  ),
  // The address platforms reach Kaiwa at: shown as the webhook URL, and the URL Twilio signs.
  KAIWA_PUBLIC_URL: z.string().url("must be a URL such as https://kaiwa.example.com").default("http://localhost:3000"),
  // Hosts (host or host:port) that http_request nodes may call even though they resolve to private or
  // loopback addresses. Empty: only public addresses (SSRF guard).
  KAIWA_HTTP_ALLOW_HOSTS: z.string().default(""),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"], { message: "must be one of debug, info, warn, error" }).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

/**
 * @param {string} value
 * @returns {Buffer | null}
 */
export function decodeKey(value) {
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  return key.length === 32 ? key : null;
}

export class EnvError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
    this.problems = problems;
  }
}

/**
 * Validates an environment (process.env by default).
 * @param {Record<string, string | undefined>} source
 * @returns {z.infer<typeof envSchema>}
 */
export function parseEnv(source) {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new EnvError(problems);
}

/** @type {z.infer<typeof envSchema> | undefined} */
let cached;

/**
 * The validated environment of this process, parsed once.
 * @returns {z.infer<typeof envSchema>}
 */
export function env() {
  cached ??= parseEnv(process.env);
  return cached;
}

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
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"], { message: "must be one of debug, info, warn, error" }).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

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

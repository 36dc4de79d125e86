import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.js";

describe("parseEnv", () => {
  it("defaults to the embedded database in .data", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.KAIWA_DATA_DIR).toBe(".data");
    expect(env.LOG_LEVEL).toBe("info");
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://kaiwa@127.0.0.1:5432/kaiwa" }).DATABASE_URL).toBe(
      "postgresql://kaiwa@127.0.0.1:5432/kaiwa",
    );
  });

  it("names the variable and the problem for a non-PostgreSQL URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://root@localhost/test" })).toThrow(
      /DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//,
    );
  });

  it("names the variable for something that is not a URL at all", () => {
    expect(() => parseEnv({ DATABASE_URL: "localhost:5432" })).toThrow(/DATABASE_URL/);
  });

  it("reports every bad variable at once", () => {
    try {
      parseEnv({ LOG_LEVEL: "verbose", KAIWA_QUEUE: "yes", KAIWA_DATA_DIR: "" });
      expect.unreachable("parseEnv should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join("\n")).toMatch(/LOG_LEVEL: must be one of debug, info, warn, error/);
      expect(problems.join("\n")).toMatch(/KAIWA_QUEUE: must be true or false/);
      expect(problems.join("\n")).toMatch(/KAIWA_DATA_DIR: must not be empty/);
    }
  });
});

import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "drizzle/migrations/**", "next-env.d.ts", "bench/results/**", "test-artifacts/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The engine is pure: no framework, database or network, no process.env (see DESIGN.md section 1).
    files: ["flows-runtime/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "next", "next/*", "drizzle-orm", "drizzle-orm/*", "postgres", "pg-boss", "node:*", "@/server/*", "@/components/*", "@/app/*"], message: "flows-runtime must stay pure." },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "flows-runtime gets its settings through ctx." },
        { object: "Date", property: "now", message: "the clock comes in through ctx.now." },
        { object: "Math", property: "random", message: "randomness comes in through ctx.random." },
      ],
    },
  },
];

export default config;

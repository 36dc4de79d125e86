import { fileURLToPath } from "node:url";

// The Kaiwa checkout these tests run against (this file is at server/testing/browser/).
export const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));

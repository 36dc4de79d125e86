// Next.js calls register() once per server process: migrate, seed and start the queue before the first
// request rather than on it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getKaiwa } = await import("./server/boot");
  await getKaiwa();
}

// Runs once when a Next.js server starts: a bad setting stops it here with one clear line.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./server/env");
}

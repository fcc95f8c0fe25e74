// Signed-in analysts as a browser would drive the server: each one its own session and its own
// loop — pick a route from the weighted mix, wait for the whole answer, think, repeat. The think
// time is random (exponential), so requests arrive as from independent people, not in lockstep.
import { prng } from "../synthetic-agreements";
import { sleep } from "./app-server";
import type { LoadRoute } from "./mix";

export interface RequestSample {
  route: string;
  ms: number;
  /** HTTP status; 0 when the request failed or took longer than the timeout. */
  status: number;
  /** When it was sent (performance.now()): a run keeps only what was sent after its warm-up. */
  sentAt: number;
}

export async function runAnalysts(options: {
  origin: string;
  cookies: string[];
  routes: LoadRoute[];
  /** Requests per second each analyst sends on average, think time included. */
  ratePerAnalyst: number;
  durationMs: number;
  timeoutMs?: number;
}): Promise<RequestSample[]> {
  const samples: RequestSample[] = [];
  const totalWeight = options.routes.reduce((s, r) => s + r.weight, 0);
  const deadline = Date.now() + options.durationMs;
  const meanGapMs = 1000 / options.ratePerAnalyst;
  await Promise.all(
    options.cookies.map(async (cookie, i) => {
      const random = prng(i + 1);
      // Analysts arrive spread over the first gap rather than all at once.
      await sleep(Math.min(options.durationMs, random() * meanGapMs));
      while (Date.now() < deadline) {
        let pick = random() * totalWeight;
        const route = options.routes.find((r) => (pick -= r.weight) < 0) ?? options.routes[0];
        if (!route) return;
        const started = performance.now();
        const status = await fetch(`${options.origin}${route.path()}`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) })
          .then(async (r) => (await r.arrayBuffer(), r.status))
          .catch(() => 0);
        const ms = performance.now() - started;
        samples.push({ route: route.name, ms, status, sentAt: started });
        // Think time: exponential around the mean gap, less the time the answer took; none past the
        // end, and none below zero (an answer that came after the deadline; Node warns about negative timeouts).
        await sleep(Math.max(0, Math.min(deadline - Date.now(), -Math.log(1 - random()) * meanGapMs - ms)));
      }
    }),
  );
  return samples;
}

// One admin recording an event at a steady pace over HTTP (`events.create`, a tRPC mutation),
// keeping the id of every write the server acknowledged: after an outage or a crash, each of
// them must still be in the database.
import { eventInputFixture } from "../../prisma/seed/factories";

export interface WriteAttempt {
  at: number;
  ms: number;
  status: number;
  id?: string;
  /** The server's reason on a refusal (e.g. the 503's message). */
  message?: string;
}

export interface AdminWriter {
  /** Ids the server answered 200 for. */
  acknowledged: string[];
  attempts: WriteAttempt[];
  stop(): Promise<void>;
}

interface TrpcAnswer {
  result?: { data?: { json?: { id?: string } } };
  error?: { json?: { message?: string } };
}

/** One `events.create` call; a network failure counts as status 0. */
export async function createEventOverHttp(origin: string, cookie: string, title: string, timeoutMs = 10_000): Promise<WriteAttempt> {
  const input = eventInputFixture({ title, cameoCode: "042", overrideKey: undefined, dyad: "FRA-MAR", actor: "FRA", target: "MAR" });
  const started = performance.now();
  try {
    const response = await fetch(`${origin}/api/trpc/events.create`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, cookie },
      body: JSON.stringify({ json: input }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const answer = (await response.json().catch(() => ({}))) as TrpcAnswer;
    return { at: Date.now(), ms: performance.now() - started, status: response.status, id: answer.result?.data?.json?.id, message: answer.error?.json?.message };
  } catch (e) {
    return { at: Date.now(), ms: performance.now() - started, status: 0, message: e instanceof Error ? e.message : String(e) };
  }
}

/** No admin at all (`--write-every 0`): what the reads cost without writes beside them. */
export function noWriter(): AdminWriter {
  return { acknowledged: [], attempts: [], stop: async () => undefined };
}

/** Writes one event every `everyMs` (without overlapping) until stopped. */
export function startAdminWriter(options: { origin: () => string; cookie: () => string; everyMs: number; label: string }): AdminWriter {
  const writer: AdminWriter = { acknowledged: [], attempts: [], stop: async () => undefined };
  const state = { running: true }; // read by the loop, cleared by stop()
  // The pause between writes ends early on stop(): a slow pace (--write-every 600000) must not hold the run's end.
  let wake = () => undefined as void;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => (clearTimeout(timer), resolve());
    });
  let n = 0;
  const loop = (async () => {
    while (state.running) {
      const tick = performance.now();
      const attempt = await createEventOverHttp(options.origin(), options.cookie(), `${options.label} write ${++n}`);
      writer.attempts.push(attempt);
      if (attempt.status === 200 && attempt.id) writer.acknowledged.push(attempt.id);
      if (state.running) await pause(Math.max(0, options.everyMs - (performance.now() - tick)));
    }
  })();
  writer.stop = async () => {
    state.running = false;
    wake();
    await loop;
  };
  return writer;
}

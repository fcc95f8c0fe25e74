// node-postgres' pool, telling a full pool apart from an unreachable server. Both end in the same
// "timeout exceeded when trying to connect" from pg-pool; when every connection is open and
// checked out, the wait timed out because the app is busy, and the request is told to retry
// (503 "busy") rather than that the database is down.
import { performance } from "node:perf_hooks";
import { Pool, type PoolClient, type PoolConfig } from "pg";
import { isRecording, recordPoolHold, recordPoolWait } from "./runtime-metrics";
import { noteCheckout } from "./shared/request-outcome";
import { BUSY_MESSAGE, POOL_BUSY_CODE } from "./shared/unavailable";

/** Every pooled connection stayed in use for the whole acquire timeout. */
export class PoolBusyError extends Error {
  override readonly name = "PoolBusyError";
  readonly code = POOL_BUSY_CODE;
  constructor(cause: unknown) {
    super(BUSY_MESSAGE, { cause });
  }
}

const ACQUIRE_TIMEOUT = "timeout exceeded when trying to connect";

type Checkout = (err: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void;

export class LimitedPool extends Pool {
  /** Clients whose connection opened and has not been removed: the rest are still connecting. */
  readonly #open = new Set<PoolClient>();

  constructor(config: PoolConfig) {
    super(config);
    this.on("connect", (client) => this.#open.add(client));
    this.on("remove", (client) => this.#open.delete(client));
  }

  /** What a checkout's failure means: busy when every connection is open and in use. */
  #explain(error: Error): Error {
    const max = this.options.max ?? 10;
    const busy = error.message === ACQUIRE_TIMEOUT && this.#open.size >= max && this.idleCount === 0;
    return busy ? new PoolBusyError(error) : error;
  }

  // pool.query() checks out through the callback form, Prisma's transactions through the promise.
  override connect(): Promise<PoolClient>;
  override connect(callback: Checkout): void;
  override connect(callback?: Checkout): Promise<PoolClient> | void {
    // Timed only for a supervisor that asked (server/runtime-metrics.ts): nothing extra per checkout otherwise.
    const asked = isRecording() ? performance.now() : null;
    if (asked !== null) noteCheckout();
    const waited = () => {
      const got = performance.now();
      if (asked !== null) recordPoolWait(got - asked);
      return got;
    };
    // pg-pool hands out a new release function with each checkout; pool.query() calls it, not `done`.
    const timed = (client: PoolClient) => {
      if (asked === null) return client;
      const got = waited();
      const release = client.release.bind(client);
      client.release = (err?: Error | boolean) => (recordPoolHold(performance.now() - got), release(err));
      return client;
    };
    if (!callback) {
      return super.connect().then(timed, (error: Error) => (waited(), Promise.reject(this.#explain(error))));
    }
    super.connect((error, client, done) => {
      if (error || !client) {
        waited();
        callback(error && this.#explain(error), client, done);
        return;
      }
      callback(undefined, timed(client), done);
    });
  }
}

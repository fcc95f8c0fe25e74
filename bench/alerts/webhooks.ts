// The webhook half of the alerts benchmark: a receiver on 127.0.0.1 that checks every post's
// Standard Webhooks signature with the reference package (standardwebhooks), and the rules whose
// alerts it receives. The receiver runs in the benchmark's own process, so its HMAC work is
// counted against the one worker: the figure is a floor.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { newWebhookSecret } from "../../server/alerts/webhook-sign";
import type { Db } from "../../server/db-client";

export interface Arrival {
  id: string;
  at: number;
}

export interface Receiver {
  arrivals: Arrival[];
  refused: number;
  close(): Promise<void>;
}

/** Starts the receiver; `/hook/<n>` verifies with secrets[n] and answers 204, or 401 on a bad signature. */
export async function startReceiver(secrets: readonly string[]): Promise<Receiver & { base: string }> {
  const arrivals: Arrival[] = [];
  const state = { refused: 0 };
  const verifiers = secrets.map((s) => new Webhook(s));
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const verifier = verifiers[Number(/^\/hook\/(\d+)$/.exec(request.url ?? "")?.[1] ?? -1)];
      const header = (name: string) => String(request.headers[name] ?? "");
      const headers = { "webhook-id": header("webhook-id"), "webhook-timestamp": header("webhook-timestamp"), "webhook-signature": header("webhook-signature") };
      try {
        if (!verifier) throw new Error("no such hook");
        verifier.verify(Buffer.concat(chunks).toString("utf8"), headers);
        arrivals.push({ id: headers["webhook-id"], at: performance.now() });
        response.writeHead(204).end();
      } catch {
        state.refused++;
        response.writeHead(401).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    get refused() {
      return state.refused;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `count` EVENT_SCORE rules (|G| ≥ 1) on one dyad, each posting to its own path with its own secret. */
export async function webhookRules({ db, count, dyadId, userId }: { db: Db; count: number; dyadId: string; userId: string }): Promise<{ secrets: string[]; create(base: string): Promise<void> }> {
  const secrets = Array.from({ length: count }, () => newWebhookSecret());
  return {
    secrets,
    create: async (base) => {
      await db.alertRule.createMany({
        data: secrets.map((webhookSecret, n) => ({ id: `bench-hook-${n}`, userId, dyadId, kind: "EVENT_SCORE" as const, threshold: 1, webhookUrl: `${base}/hook/${n}`, webhookSecret })),
      });
    },
  };
}

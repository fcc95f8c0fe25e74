// Posting alerts to their recipients' webhooks (a rule's owner's, a subscriber's own), from the
// `alerts` job: each delivery is claimed (so two runners never post it at once), posted signed
// with the recipient's secret and a 10 s timeout, and retried with exponential backoff until it
// succeeds or a day has passed, when it is marked FAILED with its last status.
import type { Db } from "../db-client";
import { signedHeaders } from "./webhook-sign";
import { refusedTargetUrl, TARGET_NEEDS } from "../http/outbound-target";
import { fetchPublic } from "../http/public-fetch";
import { recipientNow } from "./recipients";

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_GIVE_UP_MS = 24 * 3600_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 3600_000;

/** When the next attempt after `attempts` failed ones may run. */
export const retryDelayMs = (attempts: number) => Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));

/** What a receiver answered: its status, or why there was none. */
export interface PostOutcome {
  status: number | null;
  error: string | null;
}

/**
 * One signed post, the target checked again first (after DNS) and its connection pinned to a
 * public address (public-fetch.ts); 10 s at most, the answer's body
 * never read (a huge one cannot hold the worker), redirects not followed.
 */
export async function postSigned(input: { url: string; secret: string | null; id: string; now: Date; body: string; allowLocalHttp: boolean; signal?: AbortSignal }): Promise<PostOutcome> {
  const { url, secret, id, now, body, allowLocalHttp, signal } = input;
  const refused = await refusedTargetUrl(url, { schemes: "https", allowLoopback: allowLocalHttp });
  if (refused) return { status: null, error: `target refused: needs ${TARGET_NEEDS[refused]}` };
  if (!secret) return { status: null, error: "the rule has no signing secret" };
  try {
    const response = await fetchPublic(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...signedHeaders({ secret, id, at: now, body }) },
      body,
      redirect: "manual",
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]) : AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    }, allowLocalHttp);
    await response.body?.cancel();
    return { status: response.status, error: null };
  } catch (e) {
    return { status: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/** A 2xx answer. */
export const accepted = (outcome: PostOutcome) => outcome.status !== null && outcome.status >= 200 && outcome.status < 300;

/** Deliveries read per query; a run takes batch after batch until none is due. */
const WEBHOOK_BATCH = 100;

/**
 * Posts every delivery due at `now`, a batch at a time (each one attempted leaves the due set:
 * delivered, or due again later), until none is left or the run is aborted. A run that stopped at
 * one batch capped the job, which runs once a minute, at 100 posts a minute (bench/alerts.ts).
 * Answers how many it attempted and how many succeeded.
 */
export async function postDueWebhooks({ db, now, allowLocalHttp, signal }: { db: Db; now: Date; allowLocalHttp: boolean; signal?: AbortSignal }): Promise<{ attempted: number; delivered: number }> {
  let [attempted, delivered] = [0, 0];
  for (;;) {
    const due = await db.webhookDelivery.findMany({ where: { state: "PENDING", nextAttemptAt: { lte: now } }, select: { id: true }, orderBy: { nextAttemptAt: "asc" }, take: WEBHOOK_BATCH });
    for (const { id } of due) {
      if (signal?.aborted) return { attempted, delivered };
      // The claim: whoever moves nextAttemptAt first posts; a run that dies leaves it due again in a minute.
      const { count } = await db.webhookDelivery.updateMany({ where: { id, state: "PENDING", nextAttemptAt: { lte: now } }, data: { nextAttemptAt: new Date(now.getTime() + 60_000) } });
      if (count === 0) continue;
      attempted++;
      if (await postOne({ db, id, now, allowLocalHttp, signal })) delivered++;
    }
    if (due.length < WEBHOOK_BATCH) return { attempted, delivered };
  }
}

async function postOne({ db, id, now, allowLocalHttp, signal }: { db: Db; id: string; now: Date; allowLocalHttp: boolean; signal?: AbortSignal }): Promise<boolean> {
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id },
    select: { url: true, attempts: true, createdAt: true, alert: { select: { id: true, userId: true, cause: true, link: true, createdAt: true, dyad: { select: { key: true } }, rule: { select: { id: true, kind: true } } } } },
  });
  const { alert } = delivery;
  // Signed with the recipient's own secret (the owner's on the rule, a subscriber's on their subscription).
  const recipient = await recipientNow(db, { ruleId: alert.rule.id, userId: alert.userId });
  if (!recipient) {
    await db.webhookDelivery.update({ where: { id }, data: { state: "FAILED", lastError: "not sent: the recipient no longer receives this rule's alerts (left its team or unsubscribed)" } });
    return false;
  }
  const body = JSON.stringify({
    type: "alert.fired",
    timestamp: alert.createdAt.toISOString(),
    data: { alertId: alert.id, ruleId: alert.rule.id, kind: alert.rule.kind, dyad: alert.dyad?.key ?? null, cause: alert.cause, link: alert.link },
  });
  const { status, error } = await postSigned({ url: delivery.url, secret: recipient.webhookSecret, id: alert.id, now, body, allowLocalHttp, signal });
  const attempts = delivery.attempts + 1;
  if (accepted({ status, error })) {
    await db.webhookDelivery.update({ where: { id }, data: { state: "DELIVERED", attempts, lastStatus: status, lastError: null, deliveredAt: now } });
    return true;
  }
  const next = new Date(now.getTime() + retryDelayMs(attempts));
  const givenUp = next.getTime() - delivery.createdAt.getTime() > WEBHOOK_GIVE_UP_MS;
  await db.webhookDelivery.update({
    where: { id },
    data: { state: givenUp ? "FAILED" : "PENDING", attempts, lastStatus: status, lastError: error ?? `answered ${status}`, nextAttemptAt: next },
  });
  return false;
}

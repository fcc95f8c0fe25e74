// Per-dyad auto-accept: at least N independent sources and |G| ≥ X publish a pending cluster
// without a reviewer, as an event marked automated. Off until an admin turns a dyad's rule on.
// The GDELT ingest job calls autoAcceptPending() after storing each file.
import { recordAudit } from "../admin/audit";
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { toDay } from "../method/day";
import { dyadLabel } from "../method/dyad-label";
import { AppError, fieldError, staleVersion } from "../shared/errors";
import { said } from "../shared/said";
import { acceptCluster } from "./decide";
import { pendingClusters } from "./queue";
import type { AutoAcceptRuleInput } from "./schemas";

/** What a dyad without a stored rule shows in the editor: off, and strict enough to be safe when turned on. */
export const RULE_DEFAULTS = { enabled: false, minSources: 3, minGoldstein: 5 } as const;

/** Clusters read per round while publishing; each is one pipeline transaction. */
const ROUND = 50;

const ruleSelect = { enabled: true, minSources: true, minGoldstein: true, version: true } satisfies Prisma.AutoAcceptRuleSelect;

/** Every tracked dyad with its rule (the defaults, version absent, where none is stored). */
export async function autoAcceptRules(input: { db: Db }) {
  const dyads = await input.db.dyad.findMany({
    where: { tracked: true },
    select: { key: true, a: { select: { code: true, name: true } }, b: { select: { code: true, name: true } }, autoAccept: { select: ruleSelect } },
    orderBy: { key: "asc" },
  });
  return dyads.map((d) => ({ dyad: d.key, label: dyadLabel(d), ...(d.autoAccept ?? { ...RULE_DEFAULTS, version: undefined }) }));
}

/** Stores a dyad's rule against the version the editor loaded; audited. */
export async function setAutoAcceptRule(input: { db: Db; actorId: string; rule: AutoAcceptRuleInput }) {
  const { db, actorId, rule } = input;
  return db.$transaction(async (tx) => {
    const dyad = await tx.dyad.findUnique({ where: { key: rule.dyad }, select: { id: true } });
    if (!dyad) throw fieldError("NOT_FOUND", "dyad", said("noDyadRecorded", { dyad: rule.dyad }));
    const before = await tx.autoAcceptRule.findUnique({ where: { dyadId: dyad.id }, select: ruleSelect });
    const values = { enabled: rule.enabled, minSources: rule.minSources, minGoldstein: rule.minGoldstein };
    if ((before?.version ?? undefined) !== rule.version) {
      if (!before) throw new AppError("CONFLICT", said("ruleRemoved"));
      throw staleVersion({ version: before.version, values: { dyad: rule.dyad, ...before }, updatedAt: new Date() });
    }
    if (before) {
      const { count } = await tx.autoAcceptRule.updateMany({ where: { dyadId: dyad.id, version: before.version }, data: { ...values, version: { increment: 1 } } });
      if (count === 0) throw staleVersion({ version: before.version + 1, values: { dyad: rule.dyad, ...before }, updatedAt: new Date() });
    } else {
      // Two first saves at once: the second finds the row there and is refused like a stale save.
      const { count } = await tx.autoAcceptRule.createMany({ data: [{ dyadId: dyad.id, ...values }], skipDuplicates: true });
      if (count === 0) throw new AppError("CONFLICT", said("ruleSavedMeanwhile"));
    }
    const after = await tx.autoAcceptRule.findUniqueOrThrow({ where: { dyadId: dyad.id }, select: ruleSelect });
    await recordAudit({ db: tx, actorId, action: before ? "UPDATE" : "CREATE", entityType: "AutoAcceptRule", entityId: rule.dyad, before: before ?? null, after });
    return { dyad: rule.dyad, ...after };
  });
}

/**
 * Publishes every pending cluster an enabled rule matches, each as an automated event through the
 * record pipeline (like Accept, without a reviewer). A cluster decided meanwhile, or that cannot
 * become an event as it stands (a future day, no listed code), stays for a person to review.
 */
export async function autoAcceptPending(input: { db: Db; today?: number }): Promise<{ accepted: number; leftForReview: number }> {
  const { db, today = toDay(new Date()) } = input;
  const rules = await db.autoAcceptRule.findMany({ where: { enabled: true }, select: { dyadId: true, minSources: true, minGoldstein: true } });
  let accepted = 0;
  let leftForReview = 0;
  for (const rule of rules) {
    const where = { dyadIds: [rule.dyadId], minSources: rule.minSources, magnitude: { min: rule.minGoldstein, weight: 1 } };
    let after = null;
    for (;;) {
      const round = await pendingClusters(db, where, after, ROUND);
      for (const cluster of round) {
        const published = await acceptCluster({ db, clusterId: cluster.id, reviewerId: null, today, automated: true }).then(
          () => true,
          (error: unknown) => {
            if (error instanceof AppError) return false;
            throw error;
          },
        );
        if (published) accepted++;
        else leftForReview++;
      }
      const last = round.at(-1);
      if (round.length < ROUND || !last) break;
      after = last;
    }
  }
  return { accepted, leftForReview };
}

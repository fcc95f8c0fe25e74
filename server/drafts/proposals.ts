// Standing conditions proposed from published events (the method's STANDING_RULES): an event that
// opens a condition proposes it, prefilled from the event; one that ends a condition proposes the
// end date of the dyad's matching open one, as an edit. Each proposal is a Draft without an author
// (any admin decides it), linked to its event (Draft.fromEventId, unique: one proposal per event,
// whatever is published again), with a DRAFT audit entry by the publisher. Called by the event's
// record declaration inside the publishing transaction, so a proposal exists if and only if its
// event was published. Nothing here publishes: a reviewer does, and publishing links the event
// to the condition (ConditionEvent).
import { recordAudit } from "../admin/audit";
import { conditionRecord } from "../conditions/write";
import { conditionInput, type ConditionInput } from "../conditions/schemas";
import type { DbOrTx } from "../db-client";
import type { EventInput } from "../events/schemas";
import type { Prisma } from "../generated/prisma/client";
import { dateOfDay } from "../method/day";
import { standingRuleFor, type StandingRule } from "../method/standing";

/** The note a proposal carries in the audit log and on the review screen. */
export const proposedFrom = (eventId: string) => `proposed from event ${eventId}`;

const TITLE_MAX = 200;

interface Proposal {
  eventId: string;
  values: ConditionInput;
  target: { id: string; version: number } | null;
}

const json = (value: unknown): Prisma.InputJsonValue => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A new condition, prefilled from the opening event. Proposed even when one of that kind is
 * recorded as open: a second recall may mean the return went unrecorded, which the reviewer judges.
 */
function opening(event: { id: string; data: EventInput }, rule: StandingRule, kind: ConditionInput["kind"]): Proposal | null {
  const { data } = event;
  const holder = rule.holder === "actor" ? data.actor : undefined;
  const values = conditionInput.safeParse({
    dyad: data.dyad,
    kind,
    holder,
    title: `${sentence(rule.reads)}: ${data.title}`.slice(0, TITLE_MAX),
    startDate: data.date,
    startPrecision: data.datePrecision,
    verification: data.verification,
    sources: data.sources,
  });
  return values.success ? { eventId: event.id, values: values.data, target: null } : null;
}

/**
 * The end of the dyad's open condition of the rule's first kind that has one (the latest started),
 * on the event's date; none when nothing of those kinds is open, it started after the event, or an
 * open draft already edits it.
 */
async function ending(db: DbOrTx, event: { id: string; data: EventInput }, rule: StandingRule): Promise<Proposal | null> {
  const { data } = event;
  const candidates = await db.condition.findMany({
    where: { dyad: { key: data.dyad }, kind: { in: [...rule.kinds] }, endDate: null, archivedAt: null, startDate: { lte: dateOfDay(data.date) } },
    select: { id: true, kind: true },
    orderBy: [{ startDate: "desc" }, { id: "asc" }],
  });
  const chosen = rule.kinds.flatMap((kind) => candidates.filter((c) => c.kind === kind))[0];
  if (!chosen) return null;
  const editing = await db.draft.count({ where: { recordType: "Condition", recordId: chosen.id, status: { in: ["PENDING", "RETURNED"] } } });
  const row = editing === 0 ? await conditionRecord.load(db, chosen.id) : null;
  if (!row) return null;
  const values = conditionInput.safeParse({ ...conditionRecord.values(row), endDate: data.date, endPrecision: data.datePrecision });
  return values.success ? { eventId: event.id, values: values.data, target: { id: row.id, version: row.version } } : null;
}

async function proposalFor(db: DbOrTx, event: { id: string; data: EventInput }): Promise<Proposal | null> {
  const rule = standingRuleFor(event.data);
  const [kind] = rule?.kinds ?? [];
  if (!rule || !kind) return null;
  return rule.effect === "ends" ? ending(db, event, rule) : opening(event, rule, kind);
}

/**
 * Proposes the conditions `events` open or end, inside the transaction that publishes them.
 * Events the method maps to no condition cost nothing; one already proposed from is skipped.
 */
export async function proposeConditions(db: DbOrTx, events: readonly { id: string; data: EventInput }[], publisherId: string | null): Promise<void> {
  const mapped = events.filter((e) => standingRuleFor(e.data) !== null);
  if (mapped.length === 0) return;
  const done = new Set((await db.draft.findMany({ where: { fromEventId: { in: mapped.map((e) => e.id) } }, select: { fromEventId: true } })).map((d) => d.fromEventId));
  for (const event of mapped) {
    if (done.has(event.id)) continue;
    const proposal = await proposalFor(db, event);
    if (proposal) await writeProposal(db, proposal, publisherId);
  }
}

async function writeProposal(db: DbOrTx, proposal: Proposal, publisherId: string | null): Promise<void> {
  const { eventId, values, target } = proposal;
  const stored = json(values);
  // Another transaction publishing the same event meanwhile already proposed: the unique key says so.
  const [created] = await db.draft.createManyAndReturn({
    data: [{ recordType: "Condition", recordId: target?.id ?? null, baseVersion: target?.version ?? null, values: stored, title: values.title, status: "PENDING", fromEventId: eventId }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!created) return;
  await recordAudit({
    db,
    actorId: publisherId,
    action: "DRAFT",
    entityType: "Draft",
    entityId: created.id,
    before: null,
    after: { recordType: "Condition", recordId: target?.id ?? null, status: "PENDING", values: stored, fromEventId: eventId, note: proposedFrom(eventId) },
  });
}

// Standing conditions as records, over the record pipeline (server/records/): one transaction
// per write, with the audit entry and the refresh of the dyad's daily index from the earliest
// day touched.
import type { Prisma } from "../generated/prisma/client";
import { dateOfDay, isoDayOf, placementDay } from "../method/day";
import type { DbOrTx } from "../db-client";
import { sourcesOf } from "../records/children";
import { writersOf, type RecordType } from "../records/pipeline";
import { fieldError } from "../shared/errors";
import { said } from "../shared/said";
import type { ConditionInput } from "./schemas";

const editableSelect = {
  id: true,
  version: true,
  dyadId: true,
  dyad: { select: { key: true } },
  kind: true,
  holderCode: true,
  points: true,
  title: true,
  summary: true,
  startDate: true,
  startPrecision: true,
  endDate: true,
  endPrecision: true,
  verification: true,
  archivedAt: true,
  updatedAt: true,
  sources: { select: { publisher: true, title: true, url: true, publishedOn: true }, orderBy: { id: "asc" } },
} satisfies Prisma.ConditionSelect;

type EditableCondition = Prisma.ConditionGetPayload<{ select: typeof editableSelect }>;

function conditionValues(c: EditableCondition): ConditionInput {
  return {
    dyad: c.dyad.key,
    kind: c.kind,
    holder: c.holderCode ?? undefined,
    points: c.points,
    title: c.title,
    summary: c.summary ?? undefined,
    startDate: isoDayOf(c.startDate),
    startPrecision: c.startPrecision,
    endDate: c.endDate ? isoDayOf(c.endDate) : undefined,
    endPrecision: c.endPrecision ?? undefined,
    verification: c.verification,
    sources: c.sources.map((s) => ({ publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn ? isoDayOf(s.publishedOn) : undefined })),
  };
}

/** The earliest day the condition weighs on the index (the middle of its start's interval, as events are placed). */
const firstDay = (c: { startDate: Date | string; startPrecision: ConditionInput["startPrecision"] }) => placementDay(c.startDate, c.startPrecision);

async function dyadIdOf(db: DbOrTx, input: ConditionInput, today: number): Promise<string> {
  const dyad = await db.dyad.findUnique({ where: { key: input.dyad }, select: { id: true } });
  if (!dyad) throw fieldError("BAD_REQUEST", "dyad", said("dyadNotRecorded", { dyad: input.dyad }));
  if (firstDay(input) > today) throw fieldError("BAD_REQUEST", "startDate", said("conditionInFuture"));
  return dyad.id;
}

/** The Condition columns an input stands for. */
function conditionColumns(input: ConditionInput, dyadId: string) {
  return {
    dyadId,
    kind: input.kind,
    holderCode: input.holder ?? null,
    points: input.points,
    title: input.title,
    summary: input.summary ?? null,
    startDate: dateOfDay(input.startDate),
    startPrecision: input.startPrecision,
    endDate: input.endDate ? dateOfDay(input.endDate) : null,
    endPrecision: input.endDate ? (input.endPrecision ?? "DAY") : null,
    verification: input.verification,
  };
}

export const conditionRecord: RecordType<EditableCondition, ConditionInput, string, ReturnType<typeof conditionColumns>> = {
  entity: "Condition",
  noun: "condition",
  load: (db, id) => db.condition.findUnique({ where: { id }, select: editableSelect }),
  values: conditionValues,
  references: dyadIdOf,
  columns: conditionColumns,
  insert: (db, data) => db.condition.createManyAndReturn({ data, select: { id: true, externalId: true } }),
  update: (db, args) => db.condition.updateMany(args),
  children: [sourcesOf((conditionId) => ({ conditionId }))],
  touches: (c) => ({ dyadId: c.dyadId, day: firstDay(c) }),
};

export const { forEditing: conditionForEditing, create: createCondition, update: updateCondition, setArchived: setConditionArchived } = writersOf(conditionRecord);

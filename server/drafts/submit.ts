// Drafts written by the paths that used to publish at once (the CSV import, archive and restore,
// "Make event" from a headline, a GDELT cluster accepted with edited fields), when the deployment
// requires review. Any number in one INSERT … unnest and their DRAFT audit entries in one more,
// inside the caller's transaction: a 10,000-row import makes two statements per batch, no
// per-row round-trip. Each draft names its batch (`source`) for the review queue's filter.
import { recordAudits } from "../admin/audit";
import type { DbOrTx } from "../db-client";
import type { Prisma, Provenance } from "../generated/prisma/client";
import { insertUnnest, newId, type SqlTypes } from "../records/bulk-insert";
import type { DraftRecordType } from "./schemas";

/** One draft to submit: a new record (no target), an edit of one, or its archive (`archive`). */
export interface DraftProposal {
  recordType: DraftRecordType;
  /** The form's values (for an archive, the record's current ones, for the reviewer to read). */
  values: object;
  title: string;
  target?: { id: string; version: number };
  /** true: archive the target; false: restore it; absent: write `values`. */
  archive?: boolean;
  provenance?: Provenance;
  externalId?: string;
  fromHeadlineId?: string;
  fromClusterId?: string;
}

interface DraftRow {
  id: string;
  recordType: DraftRecordType;
  recordId: string | null;
  baseVersion: number | null;
  values: object;
  title: string;
  status: "PENDING";
  version: number;
  authorId: string;
  source: string | null;
  archive: boolean | null;
  provenance: Provenance;
  externalId: string | null;
  fromHeadlineId: string | null;
  fromClusterId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const DRAFT_TABLE: { name: string; types: SqlTypes<DraftRow> } = {
  name: "Draft",
  types: {
    id: "text",
    recordType: '"DraftRecordType"',
    recordId: "text",
    baseVersion: "integer",
    values: "jsonb",
    title: "text",
    status: '"DraftStatus"',
    version: "integer",
    authorId: "text",
    source: "text",
    archive: "boolean",
    provenance: '"Provenance"',
    externalId: "text",
    fromHeadlineId: "text",
    fromClusterId: "text",
    createdAt: "timestamp(3)",
    updatedAt: "timestamp(3)",
  },
};

/** The longest batch label kept: a headline's title can be long. */
const SOURCE_LENGTH = 200;

/** A batch label as stored: trimmed to what the queue's filter shows. */
export const sourceLabel = (label: string) => (label.length > SOURCE_LENGTH ? `${label.slice(0, SOURCE_LENGTH - 1)}…` : label);

/** Inserts the drafts, PENDING and written by `authorId`, with a DRAFT audit entry each; returns their ids in order. */
export async function submitDrafts(tx: DbOrTx, input: { authorId: string; source: string | null; drafts: readonly DraftProposal[] }): Promise<string[]> {
  const { authorId, drafts } = input;
  const source = input.source === null ? null : sourceLabel(input.source);
  const now = new Date();
  const rows: DraftRow[] = drafts.map((d) => ({
    id: newId(),
    recordType: d.recordType,
    recordId: d.target?.id ?? null,
    baseVersion: d.target?.version ?? null,
    values: d.values,
    title: d.title,
    status: "PENDING",
    version: 1,
    authorId,
    source,
    archive: d.archive ?? null,
    provenance: d.provenance ?? "ENTERED",
    externalId: d.externalId ?? null,
    fromHeadlineId: d.fromHeadlineId ?? null,
    fromClusterId: d.fromClusterId ?? null,
    createdAt: now,
    updatedAt: now,
  }));
  await insertUnnest(tx, DRAFT_TABLE.name, DRAFT_TABLE.types, rows);
  await recordAudits({
    db: tx,
    entries: rows.map((row) => ({
      actorId: authorId,
      action: "DRAFT" as const,
      entityType: "Draft",
      entityId: row.id,
      before: null,
      after: { recordType: row.recordType, recordId: row.recordId, status: "PENDING", source, ...(row.archive !== null && { archive: row.archive }), values: JSON.parse(JSON.stringify(row.values)) as Prisma.InputJsonValue },
    })),
  });
  return rows.map((row) => row.id);
}

// The dry run: every row validated and looked up against the database, in a few queries for the
// whole file; the import runs the same plan, so what the preview promised is what gets written.
import type { Db } from "../db-client";
import type { EventInput } from "../events/schemas";
import { editableSelect, eventValues, referenceProblem, type EditableEvent } from "../events/write";
import { said } from "../shared/said";
import { canonicalEvent, sameEvent } from "./compare";
import type { CsvRow } from "./csv";
import { columnOf, externalIdCell, validateRow, type RowProblem } from "./rows";

export type RowStatus = "new" | "changed" | "unchanged" | "invalid";

export interface PlannedRow {
  row: number;
  externalId: string | null;
  title: string;
  date: string;
  dyad: string;
  status: RowStatus;
  problems: RowProblem[];
}

export type PlannedWrite =
  | { kind: "create"; externalId: string; data: EventInput; dyadId: string }
  | { kind: "update"; externalId: string; data: EventInput; dyadId: string; before: EditableEvent };

export interface ImportPlan {
  rows: PlannedRow[];
  writes: PlannedWrite[];
  counts: Record<RowStatus, number>;
}

const storedSelect = { ...editableSelect, externalId: true };

export async function planImport({ db, rows, today }: { db: Db; rows: CsvRow[]; today: number }): Promise<ImportPlan> {
  const ids = [...new Set(rows.flatMap((r) => externalIdCell.safeParse(r.cells.get("external_id") ?? "").data ?? []))];
  const [stored, dyads] = await Promise.all([
    db.event.findMany({ where: { externalId: { in: ids } }, select: storedSelect }),
    db.dyad.findMany({ select: { id: true, key: true } }),
  ]);
  const storedById = new Map(stored.map((e) => [e.externalId, e]));
  const dyadIds = new Map(dyads.map((d) => [d.key, d.id]));

  const validated = rows.map((row) => {
    const before = storedById.get(externalIdCell.safeParse(row.cells.get("external_id") ?? "").data ?? "");
    return { row, before, result: validateRow(row, before && eventValues(before)) };
  });
  const linked = [...new Set(validated.flatMap(({ result }) => (result.ok ? result.data.agreementIds : [])))];
  const agreements = new Set(linked.length ? (await db.agreement.findMany({ where: { id: { in: linked } }, select: { id: true } })).map((a) => a.id) : []);

  const firstRowOf = new Map<string, number>();
  const plan: ImportPlan = { rows: [], writes: [], counts: { new: 0, changed: 0, unchanged: 0, invalid: 0 } };
  for (const { row, before, result } of validated) {
    const problems = result.ok ? [] : [...result.problems];
    const earlier = result.externalId === null ? undefined : firstRowOf.get(result.externalId);
    if (earlier !== undefined) problems.unshift({ column: "external_id", message: said("sameIdOnRow", { row: earlier }) });
    else if (result.externalId !== null) firstRowOf.set(result.externalId, row.row);
    let status: RowStatus = "invalid";
    if (result.ok) {
      const dyadId = dyadIds.get(result.data.dyad);
      const problem = referenceProblem(result.data, { dyadId, agreementsFound: (linkedIds) => linkedIds.every((id) => agreements.has(id)), today });
      if (problem) problems.push({ column: columnOf([problem.field], []), message: problem.message });
      if (problems.length === 0 && dyadId) {
        const data = canonicalEvent(result.data);
        status = !before ? "new" : sameEvent(data, eventValues(before)) ? "unchanged" : "changed";
        if (status === "new") plan.writes.push({ kind: "create", externalId: result.externalId, data, dyadId });
        if (status === "changed" && before) plan.writes.push({ kind: "update", externalId: result.externalId, data, dyadId, before });
      }
    }
    if (problems.length) status = "invalid";
    plan.counts[status] += 1;
    const cell = (column: string) => row.cells.get(column) ?? "";
    plan.rows.push({ row: row.row, externalId: result.externalId, title: cell("title"), date: cell("date"), dyad: cell("dyad"), status, problems });
  }
  return plan;
}

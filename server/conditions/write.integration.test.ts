// Standing conditions entered by admins: they weigh every day they hold, and stop on their end day.
import { describe, expect, it } from "vitest";
import { TEST_READER, useTestDatabase } from "@/scripts/test/database";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";
import { fromDay, toDay } from "../method/day";
import { conditionInput } from "./schemas";
import { conditionForEditing, createCondition, setConditionArchived, updateCondition } from "./write";

const today = toDay(new Date());

describe("condition writes", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const api = createCaller(createContextInner({ db, user: TEST_READER }));
  const ledgerOn = async (day: number) => (await api.relations.summary({ dyads: ["FRA-DZA"], asOf: fromDay(day) }))[0]?.ledger ?? NaN;

  it("holds from its start, steps back on its end day, and leaves the index when archived", async () => {
    const start = today - 60;
    const data = conditionInput.parse({
      dyad: "FRA-DZA", kind: "AMBASSADOR_WITHDRAWN", holder: "DZA", title: "Algerian ambassador recalled from Paris",
      startDate: fromDay(start), startPrecision: "DAY", verification: "CONFIRMED", sources: [],
    });
    expect(data.points).toBe(-10); // the method's default for the kind
    const before = await ledgerOn(today);
    const { id, version } = await createCondition({ db, actorId: null, data, today });
    expect(await ledgerOn(start - 1)).toBe(before);
    expect(await ledgerOn(start)).toBe(before - 10);
    expect(await ledgerOn(today)).toBe(before - 10);

    const end = today - 20;
    const ended = await updateCondition({ db, actorId: null, id, version, data: { ...data, endDate: fromDay(end), endPrecision: "DAY" }, today });
    expect(await ledgerOn(end - 1)).toBe(before - 10);
    expect(await ledgerOn(end)).toBe(before);

    await setConditionArchived({ db, actorId: null, id, version: ended.version, archived: true, today });
    expect(await ledgerOn(start)).toBe(before);
    expect((await conditionForEditing({ db, id }))?.archived).toBe(true);
    const trail = await db.auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(trail.map((t) => t.action)).toEqual(["CREATE", "UPDATE", "ARCHIVE"]);
  });

  it("refuses an end before the start and a holder outside the dyad", () => {
    const result = conditionInput.safeParse({
      dyad: "FRA-DZA", kind: "VISA_REGIME", holder: "MAR", title: "Visa regime", startDate: "2025-05-01", startPrecision: "MONTH",
      endDate: "2025-04-01", endPrecision: "DAY", verification: "REPORTED", sources: [],
    });
    expect(result.success).toBe(false);
    const fields = result.success ? [] : result.error.issues.map((i) => i.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["holder", "endDate"]));
  });
});

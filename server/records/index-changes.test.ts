import { describe, expect, it } from "vitest";
import { IndexChanges } from "./index-changes";

describe("IndexChanges", () => {
  it("keeps, per dyad, the earliest day touched", () => {
    const changes = new IndexChanges().add({ dyadId: "a", day: 20 }).add({ dyadId: "b", day: 5 }).add({ dyadId: "a", day: 10 }).add({ dyadId: "a", day: 30 });
    expect([...changes]).toEqual([
      { dyadId: "a", fromDay: 10 },
      { dyadId: "b", fromDay: 5 },
    ]);
  });

  it("an update moves its new dyad from the earlier of both days, its old dyad from its old day", () => {
    expect([...new IndexChanges().add({ dyadId: "a", day: 20 }, { dyadId: "a", day: 50 })]).toEqual([{ dyadId: "a", fromDay: 20 }]);
    expect([...new IndexChanges().add({ dyadId: "new", day: 20 }, { dyadId: "old", day: 50 })]).toEqual([
      { dyadId: "new", fromDay: 20 },
      { dyadId: "old", fromDay: 50 },
    ]);
    expect([...new IndexChanges().add({ dyadId: "new", day: 80 }, { dyadId: "old", day: 50 })]).toEqual([
      { dyadId: "new", fromDay: 50 },
      { dyadId: "old", fromDay: 50 },
    ]);
    expect(new IndexChanges().add(null).size).toBe(0);
  });
});

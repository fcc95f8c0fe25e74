import { describe, expect, it } from "vitest";
import { describeFiltersIn } from "./describe-filters";
import { exportWords } from "./export-words";

describe("agreement filters in words", () => {
  it("describes the filters in words", async () => {
    const en = await exportWords("en");
    expect(describeFiltersIn({ q: "rail", statuses: ["IN_FORCE"], kinds: ["MOU"], from: "2025-01-01" }, en)).toBe(
      "matching “rail”, status In force, kind Memorandum of understanding, from 2025-01-01",
    );
    expect(describeFiltersIn({}, en)).toBe("");
  });

  it("says them in the reader's language", async () => {
    expect(describeFiltersIn({ q: "rail", statuses: ["IN_FORCE", "SIGNED"], sectors: ["ports"] }, await exportWords("fr"))).toBe(
      "contenant « rail », secteur ports, statut En vigueur ou Signé",
    );
  });
});

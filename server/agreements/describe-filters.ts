// The filters in words, for a feed's title: "matching “rail”, status In force, from 2025-01-01".
// Words from the "exports" messages; days stay in ISO form: a feed's title is read by feed readers as much as by people.
import type { ExportWords } from "./export-words";
import type { AgreementFilters } from "./schemas";

export function describeFiltersIn(filters: AgreementFilters, { t, labels, anyOf }: ExportWords): string {
  const parts = [
    filters.q && t("filters.q", { q: filters.q }),
    filters.dyads?.length && t("filters.dyads", { values: anyOf(filters.dyads) }),
    filters.party && t("filters.party", { party: filters.party }),
    filters.sectors?.length && t("filters.sectors", { values: anyOf(filters.sectors.map(labels.sector)) }),
    filters.statuses?.length && t("filters.statuses", { values: anyOf(filters.statuses.map(labels.status)) }),
    filters.kinds?.length && t("filters.kinds", { values: anyOf(filters.kinds.map(labels.kind)) }),
    filters.from && t("filters.from", { day: filters.from }),
    filters.to && t("filters.to", { day: filters.to }),
  ];
  return parts.filter((p): p is string => typeof p === "string").join(t("filters.separator"));
}

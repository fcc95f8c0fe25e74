// The Atom document for a filtered list of agreements, through the app's Atom writer
// (server/http/atom.ts). Its id does not change with the filters' order; `updated` is the row's
// own, so an edit shows as an update.
import { ATOM_TAG as TAG, atomDocument, latestUpdate } from "../http/atom";
import { formatWithPrecision } from "../method/day";
import { agreementFiltersToSearchParams, describeAgreementFilters, legacyFeedQuery } from "./filters";
import { agreementKindLabel, humanize } from "./labels";
import type { AgreementFilters } from "./schemas";
import type { AgreementExportRow } from "./service";

export const agreementEntryId = (id: string) => `${TAG}agreement/${id}`;

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

function entryText(a: AgreementExportRow): string {
  const date = a.date ? formatWithPrecision(a.date, a.datePrecision ?? "DAY") : "date not yet known";
  const lines = [
    `${agreementKindLabel(a.kind)} · ${humanize(a.status)} · ${date}`,
    `Parties: ${a.parties.map((p) => p.name).join("; ")}`,
    a.signatories.length > 0 && `Signatories: ${a.signatories.map((s) => `${s.name} (${s.role})`).join("; ")}`,
    a.amounts.length > 0 &&
      `Amounts: ${a.amounts.map((m) => `${m.approximate ? "≈ " : ""}${m.amount.toString()} ${m.currency} (${m.label})`).join("; ")}`,
    a.summary,
    ...a.sources.map((s) => `Source: ${s.publisher} — ${s.url}`),
  ];
  return lines.filter((line): line is string => typeof line === "string" && line !== "").join("\n");
}

export function agreementsAtom({
  origin,
  filters,
  agreements,
  now,
}: {
  /** Where the app is served, e.g. "https://monitor.example": links are absolute in a feed. */
  origin: string;
  filters: AgreementFilters;
  agreements: AgreementExportRow[];
  now: Date;
}): string {
  const query = agreementFiltersToSearchParams(filters).toString();
  const described = describeAgreementFilters(filters);
  return atomDocument({
    id: withQuery(`${TAG}agreements`, legacyFeedQuery(filters).toString()),
    title: described ? `Maghreb Monitor — agreements ${described}` : "Maghreb Monitor — agreements",
    subtitle: "Agreements between France and the Maghreb states, newest first, with their sources.",
    updated: latestUpdate(agreements.map((a) => ({ updated: a.updatedAt })), now),
    self: withQuery(`${origin}/api/feeds/agreements.atom`, query),
    alternate: withQuery(`${origin}/agreements`, query),
    entries: agreements.map((a) => ({
      id: agreementEntryId(a.id),
      title: a.title,
      link: `${origin}/agreements/${a.id}`,
      published: a.createdAt,
      updated: a.updatedAt,
      summary: a.summary,
      content: entryText(a),
      categories: [
        { term: a.kind, label: agreementKindLabel(a.kind), scheme: `${TAG}agreement-kind` },
        { term: a.status, label: humanize(a.status), scheme: `${TAG}agreement-status` },
        ...a.sectors.map((sector) => ({ term: sector, scheme: `${TAG}sector` })),
      ],
    })),
  });
}

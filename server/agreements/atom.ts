// The Atom document for a filtered list of agreements, through the app's Atom writer
// (server/http/atom.ts), in the request's language. Its id does not change with the filters'
// order; `updated` is the row's own, so an edit shows as an update.
import { ATOM_TAG as TAG, atomDocument, latestUpdate } from "../http/atom";
import { describeFiltersIn } from "./describe-filters";
import type { ExportWords } from "./export-words";
import { agreementFiltersToSearchParams, legacyFeedQuery } from "./filters";
import type { AgreementFilters } from "./schemas";
import type { AgreementExportRow } from "./service";

export const agreementEntryId = (id: string) => `${TAG}agreement/${id}`;

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

/** The entry's text in the reader's language; amounts stay exact, as entered. */
function entryText(a: AgreementExportRow, { t, labels, format }: ExportWords): string {
  const lines = [
    `${labels.kind(a.kind)} · ${labels.status(a.status)} · ${format.period(a.date, a.datePrecision)}`,
    t("atom.parties", { names: a.parties.map((p) => p.name).join("; ") }),
    a.signatories.length > 0 && t("atom.signatories", { names: a.signatories.map((s) => `${s.name} (${s.role})`).join("; ") }),
    a.amounts.length > 0 &&
      t("atom.amounts", {
        amounts: a.amounts.map((m) => t("atom.amount", { approximate: m.approximate ? "yes" : "no", amount: m.amount.toString(), currency: m.currency, label: m.label })).join("; "),
      }),
    a.summary,
    ...a.sources.map((s) => t("atom.source", { publisher: s.publisher, url: s.url })),
  ];
  return lines.filter((line): line is string => typeof line === "string" && line !== "").join("\n");
}

export function agreementsAtom({
  origin,
  filters,
  agreements,
  now,
  words,
}: {
  /** Where the app is served, e.g. "https://monitor.example": links are absolute in a feed. */
  origin: string;
  filters: AgreementFilters;
  agreements: AgreementExportRow[];
  now: Date;
  /** The request's language (the "exports" messages): titles, texts and category labels; terms and ids stay machine-stable. */
  words: ExportWords;
}): string {
  const { t, labels } = words;
  const query = agreementFiltersToSearchParams(filters).toString();
  const described = describeFiltersIn(filters, words);
  return atomDocument({
    id: withQuery(`${TAG}agreements`, legacyFeedQuery(filters).toString()),
    lang: words.locale,
    title: described ? t("atom.titleFiltered", { filters: described }) : t("atom.title"),
    subtitle: t("atom.subtitle"),
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
      content: entryText(a, words),
      categories: [
        { term: a.kind, label: labels.kind(a.kind), scheme: `${TAG}agreement-kind` },
        { term: a.status, label: labels.status(a.status), scheme: `${TAG}agreement-status` },
        ...a.sectors.map((sector) => ({ term: sector, label: labels.sector(sector), scheme: `${TAG}sector` })),
      ],
    })),
  });
}

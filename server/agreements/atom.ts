// The Atom document (RFC 4287) for a filtered list of agreements. Ids are tag URIs (RFC 4151)
// that never change with the host name or the filters' order, so feed readers neither lose
// nor repeat entries; `updated` is the row's own, so an edit shows as an update.
import { create } from "xmlbuilder2";
import { formatWithPrecision } from "../method/day";
import { agreementFiltersToSearchParams, describeAgreementFilters, legacyFeedQuery } from "./filters";
import { agreementKindLabel, humanize } from "./labels";
import type { AgreementFilters } from "./schemas";
import type { AgreementExportRow } from "./service";

const ATOM_NS = "http://www.w3.org/2005/Atom";
const TAG = "tag:maghreb-monitor,2024:";

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
  const updated = agreements.reduce<Date | null>((max, a) => (!max || a.updatedAt > max ? a.updatedAt : max), null) ?? now;

  // Characters XML 1.0 forbids (control codes pasted from a PDF) are dropped, not escaped.
  const feed = create({ version: "1.0", encoding: "utf-8", invalidCharReplacement: "" }).ele(ATOM_NS, "feed");
  feed.ele("id").txt(withQuery(`${TAG}agreements`, legacyFeedQuery(filters).toString()));
  feed.ele("title").txt(described ? `Maghreb Monitor — agreements ${described}` : "Maghreb Monitor — agreements");
  feed.ele("subtitle").txt("Agreements between France and the Maghreb states, newest first, with their sources.");
  feed.ele("updated").txt(updated.toISOString());
  // The self link leaves the token out: it is the reader's secret, not part of the feed.
  feed.ele("link", { rel: "self", type: "application/atom+xml", href: withQuery(`${origin}/api/feeds/agreements.atom`, query) });
  feed.ele("link", { rel: "alternate", type: "text/html", href: withQuery(`${origin}/agreements`, query) });
  feed.ele("author").ele("name").txt("Maghreb Monitor");
  feed.ele("generator").txt("Maghreb Monitor");

  for (const a of agreements) {
    const entry = feed.ele("entry");
    entry.ele("id").txt(agreementEntryId(a.id));
    entry.ele("title").txt(a.title);
    entry.ele("link", { rel: "alternate", type: "text/html", href: `${origin}/agreements/${a.id}` });
    entry.ele("published").txt(a.createdAt.toISOString());
    entry.ele("updated").txt(a.updatedAt.toISOString());
    if (a.summary) entry.ele("summary", { type: "text" }).txt(a.summary);
    entry.ele("content", { type: "text" }).txt(entryText(a));
    entry.ele("category", { term: a.kind, label: agreementKindLabel(a.kind), scheme: `${TAG}agreement-kind` });
    entry.ele("category", { term: a.status, label: humanize(a.status), scheme: `${TAG}agreement-status` });
    for (const sector of a.sectors) entry.ele("category", { term: sector, scheme: `${TAG}sector` });
  }
  return feed.end({ prettyPrint: true });
}

// How a GDELT cluster becomes an event: the defaults GDELT cannot tell us, the code that stands
// for the cluster, the title in our own words, and the event form's values. Pure: the accept
// service, the queue and the "edit then accept" form all start from here.
import { cameoLabel, eventScore, goldsteinFor, isKnownCameoCode } from "../method/goldstein";
import type { Level, Verification } from "../method/params";
import type { EventInput } from "../events/schemas";
import type { CandidateReport } from "../generated/prisma/client";

/**
 * GDELT codes countries, not offices: who acted is unknown, so an accepted cluster weighs as a
 * minister's act (the middle weight, L 0.6), and machine-coded reporting is REPORTED (V 0.7) until
 * a person confirms it in the form. Methodology-wise a cluster so scores G × 0.42.
 */
export const GDELT_EVENT_DEFAULTS = { level: "MINISTER", verification: "REPORTED" } as const satisfies { level: Level; verification: Verification };

/** Sources written onto an accepted event; the cluster keeps every other report as evidence. */
export const MAX_EVENT_SOURCES = 5;

/** Source links shown per cluster in the queue. */
export const QUEUE_LINKS = 3;

/** The code the event form accepts for a GDELT code: itself when listed, else its base, else its root. */
export function listedCameoCode(code: string): string | null {
  const trimmed = code.trim();
  for (const candidate of [trimmed, trimmed.slice(0, 3), trimmed.slice(0, 2)]) if (isKnownCameoCode(candidate)) return candidate;
  return null;
}

/** The most reported code of a cluster; equally reported codes go to the lowest (as SQL's mode() does). */
export function mostReportedCode(codes: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  let best: [string, number] | null = null;
  for (const entry of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0] ?? null;
}

/** The app's score s for a cluster's code, under the GDELT defaults; null for a code outside the codebook. */
export function clusterScore(code: string): number | null {
  const listed = listedCameoCode(code);
  return listed === null ? null : eventScore({ cameoCode: listed, ...GDELT_EVENT_DEFAULTS }).s;
}

/** |G| of a cluster's code: what an auto-accept rule's threshold is compared with. */
export function clusterGoldstein(code: string): number | null {
  return goldsteinFor(code);
}

/** "Algeria towards Morocco: criticize or denounce": the codebook's words and the two countries, nothing from the articles. */
export function clusterTitle(input: { code: string; actorName: string; targetName: string }): string {
  const label = cameoLabel(input.code);
  const action = label ? label.slice(label.indexOf(" ") + 1) : `CAMEO ${input.code}`;
  return `${input.actorName} towards ${input.targetName}: ${action}`.slice(0, 200);
}

/** A report's link when it is an http(s) address; anything else is kept as evidence but never linked. */
export function linkOf(url: string | null): { url: string; host: string } | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return { url: parsed.href, host: parsed.hostname.replace(/^www\./, "") };
  } catch {
    return null;
  }
}

/** The evidence rows the event is made from, as stored. */
export type ClusterReport = Pick<
  CandidateReport,
  "globalEventId" | "cameoCode" | "numMentions" | "numSources" | "numArticles" | "avgTone" | "sourceUrl" | "placeName" | "placeLat" | "placeLon"
>;

export interface ClusterForEvent {
  day: string;
  dyadKey: string;
  actor: { code: string; name: string };
  target: { code: string; name: string };
  reports: readonly ClusterReport[];
}

/** Distinct http(s) links of the reports, most mentioned first. */
export function clusterLinks(reports: readonly ClusterReport[]): { url: string; host: string; globalEventId: bigint }[] {
  const seen = new Set<string>();
  const links: { url: string; host: string; globalEventId: bigint }[] = [];
  for (const report of [...reports].sort((a, b) => b.numMentions - a.numMentions || (a.globalEventId < b.globalEventId ? -1 : 1))) {
    const link = linkOf(report.sourceUrl);
    if (!link || seen.has(link.url) || link.url.length > 2000) continue;
    seen.add(link.url);
    links.push({ ...link, globalEventId: report.globalEventId });
  }
  return links;
}

/** The place most reports give, with valid coordinates; none when they give none. */
function mostReportedPlace(reports: readonly ClusterReport[]): EventInput["place"] {
  const counts = new Map<string, { place: NonNullable<EventInput["place"]>; n: number }>();
  for (const r of reports) {
    const name = r.placeName?.trim().slice(0, 120);
    if (!name || r.placeLat === null || r.placeLon === null || Math.abs(r.placeLat) > 90 || Math.abs(r.placeLon) > 180) continue;
    const key = `${name}|${r.placeLat}|${r.placeLon}`;
    const found = counts.get(key);
    counts.set(key, { place: { name, lat: r.placeLat, lon: r.placeLon }, n: (found?.n ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.place;
}

/**
 * The event form's values for a cluster: the form shows them for "edit then accept", and Accept
 * saves them as they are. Undefined when no report carries a code of the codebook.
 */
export function eventValuesOfCluster(cluster: ClusterForEvent): EventInput | undefined {
  const code = mostReportedCode(cluster.reports.map((r) => r.cameoCode));
  const cameoCode = code === null ? null : listedCameoCode(code);
  if (cameoCode === null) return undefined;
  const links = clusterLinks(cluster.reports);
  const hosts = new Set(links.map((l) => l.host)).size;
  const tone = cluster.reports.reduce((sum, r) => sum + r.avgTone, 0) / Math.max(1, cluster.reports.length);
  return {
    title: clusterTitle({ code: cameoCode, actorName: cluster.actor.name, targetName: cluster.target.name }),
    summary: `Machine-coded by GDELT from ${cluster.reports.length} report${cluster.reports.length === 1 ? "" : "s"} in ${hosts} source${hosts === 1 ? "" : "s"} (average tone ${tone.toFixed(1)}), accepted from the review queue.`,
    date: cluster.day,
    datePrecision: "DAY",
    dyad: cluster.dyadKey,
    actor: cluster.actor.code,
    target: cluster.target.code,
    cameoCode,
    level: GDELT_EVENT_DEFAULTS.level,
    verification: GDELT_EVENT_DEFAULTS.verification,
    place: mostReportedPlace(cluster.reports),
    sources: links.slice(0, MAX_EVENT_SOURCES).map((l) => ({ publisher: l.host.slice(0, 200), title: `Report ${l.globalEventId} (GDELT)`, url: l.url })),
    agreementIds: [],
  };
}

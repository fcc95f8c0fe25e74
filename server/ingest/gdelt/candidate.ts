// A kept export row as a candidate event: the two tracked countries, the CAMEO code with the
// app's Goldstein value beside GDELT's, the place, and GDELT's counts kept as evidence.
import { dyadKey } from "@/server/scope/schemas";
import { goldsteinFor, GOLDSTEIN_MAX, GOLDSTEIN_MIN } from "@/server/method/goldstein";
import { COL, failRow, fieldAt, numberAt, textAt, type ExportRow } from "./row";

export interface GdeltCandidate {
  globalEventId: bigint;
  line: number;
  /** SQLDATE, "YYYY-MM-DD". */
  day: string;
  actorCode: string;
  targetCode: string;
  /** The stored dyad key: the two codes in alphabetical order ("DZA-FRA"). */
  dyadKey: string;
  cameoCode: string;
  rootCode: string;
  /** GDELT's GoldsteinScale for the row, kept as evidence. */
  gdeltGoldstein: number;
  /**
   * The app's G for the code (server/method's table). Named overrides such as "ambassador
   * recalled" share a base code with others (161), so the reviewer picks one on acceptance.
   */
  goldstein: number;
  numMentions: number;
  numSources: number;
  numArticles: number;
  avgTone: number;
  sourceUrl: string | null;
  /** ActionGeo_*: all null when GDELT could not place the event (Geo_Type 0). */
  placeName: string | null;
  placeLat: number | null;
  placeLon: number | null;
  dateAdded: Date;
}

/** The country filter: both actor countries tracked and different. Cheap: it runs on every row. */
export function pairsTrackedCountries(row: ExportRow, tracked: ReadonlySet<string>): boolean {
  const a = fieldAt(row, COL.Actor1CountryCode);
  const b = fieldAt(row, COL.Actor2CountryCode);
  return a !== b && tracked.has(a) && tracked.has(b);
}

function place(row: ExportRow): Pick<GdeltCandidate, "placeName" | "placeLat" | "placeLon"> {
  const type = fieldAt(row, COL.ActionGeo_Type);
  if (!/^[0-5]$/.test(type)) failRow(row.line, `ActionGeo_Type ${JSON.stringify(type.slice(0, 20))} is not 0 to 5`);
  if (type === "0") return { placeName: null, placeLat: null, placeLon: null };
  const hasPoint = fieldAt(row, COL.ActionGeo_Lat) !== "" || fieldAt(row, COL.ActionGeo_Long) !== "";
  const lat = hasPoint ? numberAt(row, "ActionGeo_Lat", "decimal") : null;
  const lon = hasPoint ? numberAt(row, "ActionGeo_Long", "decimal") : null;
  if (lat !== null && lon !== null && (Math.abs(lat) > 90 || Math.abs(lon) > 180)) failRow(row.line, `ActionGeo ${lat},${lon} is not on Earth`);
  return { placeName: textAt(row, "ActionGeo_FullName"), placeLat: lat, placeLon: lon };
}

/** The candidate of a row the filter kept; a malformed column is an error naming the line. */
export function candidateOf(row: ExportRow): GdeltCandidate {
  const actorCode = fieldAt(row, COL.Actor1CountryCode);
  const targetCode = fieldAt(row, COL.Actor2CountryCode);
  const key = dyadKey.safeParse(`${actorCode}-${targetCode}`);
  if (!key.success) failRow(row.line, `actor countries ${JSON.stringify(actorCode)} and ${JSON.stringify(targetCode)} are not a dyad`);
  const cameoCode = fieldAt(row, COL.EventCode);
  const goldstein = /^\d{2,4}$/.test(cameoCode) ? goldsteinFor(cameoCode) : null;
  if (goldstein === null) failRow(row.line, `EventCode ${JSON.stringify(cameoCode.slice(0, 20))} is not a CAMEO code`);
  const gdeltGoldstein = numberAt(row, "GoldsteinScale", "decimal");
  if (gdeltGoldstein < GOLDSTEIN_MIN || gdeltGoldstein > GOLDSTEIN_MAX) failRow(row.line, `GoldsteinScale ${gdeltGoldstein} is outside −10…10`);
  return {
    globalEventId: BigInt(row.globalEventId),
    line: row.line,
    day: row.day,
    actorCode,
    targetCode,
    dyadKey: key.data,
    cameoCode,
    rootCode: cameoCode.slice(0, 2),
    gdeltGoldstein,
    goldstein,
    numMentions: numberAt(row, "NumMentions", "integer"),
    numSources: numberAt(row, "NumSources", "integer"),
    numArticles: numberAt(row, "NumArticles", "integer"),
    avgTone: numberAt(row, "AvgTone", "decimal"),
    sourceUrl: textAt(row, "SOURCEURL"),
    ...place(row),
    dateAdded: row.dateAdded,
  };
}

// The template an admin downloads: every column, and two rows that import as they are.
import { stringify } from "csv-stringify/sync";
import { EVENT_COLUMNS, sourceColumnName, SOURCE_FIELDS } from "./columns";

const COLUMNS = [...EVENT_COLUMNS.map((c) => c.name), ...[1, 2].flatMap((group) => SOURCE_FIELDS.map((f) => sourceColumnName(group, f)))];

const EXAMPLES: Record<string, string>[] = [
  {
    external_id: "example-2024-10-28-state-visit",
    title: "State visit of the French president to Rabat",
    summary: "Three-day state visit; the two heads of state sign a declaration on an exceptional reinforced partnership.",
    date: "2024-10-28",
    date_precision: "DAY",
    dyad: "FRA-MAR",
    actor: "FRA",
    target: "MAR",
    cameo_code: "057",
    level: "HEAD_OF_STATE",
    verification: "CONFIRMED",
    place_name: "Rabat",
    place_lat: "34.02",
    place_lon: "-6.84",
    source_1_publisher: "Élysée",
    source_1_title: "Visite d'État au Royaume du Maroc",
    source_1_url: "https://www.elysee.fr/",
    source_1_published_on: "2024-10-28",
  },
  {
    external_id: "example-2024-q3-consultations",
    title: "Consular consultations on visas",
    date: "2024-08-01",
    date_precision: "QUARTER",
    dyad: "DZA-FRA",
    actor: "FRA",
    target: "DZA",
    cameo_code: "036",
    level: "MINISTER",
    verification: "REPORTED",
    source_1_publisher: "Le Monde",
    source_1_title: "Visas: Paris and Algiers resume talks",
    source_1_url: "https://www.lemonde.fr/",
  },
];

export function importTemplateCsv(): string {
  // A BOM so that spreadsheets open the accents as UTF-8.
  return `\uFEFF${stringify(EXAMPLES, { header: true, columns: COLUMNS, record_delimiter: "\r\n" })}`;
}

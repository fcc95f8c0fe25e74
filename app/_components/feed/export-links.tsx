// Links to the Atom feed and the downloads of the list on screen, with its filters.
import { agreementFiltersToSearchParams } from "@/server/agreements/filters";
import type { AgreementFilters } from "@/server/agreements/schemas";

export function ExportLinks({ filters }: { filters: AgreementFilters }) {
  const query = agreementFiltersToSearchParams(filters).toString();
  const href = (path: string) => (query ? `${path}?${query}` : path);
  return (
    <p className="meta exports">
      This list as an <a href={href("/api/feeds/agreements.atom")}>Atom feed</a>, or download it as{" "}
      <a href={href("/api/exports/agreements.csv")}>CSV</a> or <a href={href("/api/exports/agreements.json")}>JSON</a>. Feed
      readers and scripts add a personal feed token to the address (<code>&amp;token=…</code>) or send it as{" "}
      <code>Authorization: Bearer …</code>.
    </p>
  );
}

// Links to the Atom feed and the downloads of the list on screen, with its filters.
import { getTranslations } from "next-intl/server";
import { anchorTag, codeTag } from "@/app/_components/rich-tags";
import { agreementFiltersToSearchParams } from "@/server/agreements/filters";
import type { AgreementFilters } from "@/server/agreements/schemas";

export async function ExportLinks({ filters }: { filters: AgreementFilters }) {
  const t = await getTranslations("agreements");
  const query = agreementFiltersToSearchParams(filters).toString();
  const href = (path: string) => (query ? `${path}?${query}` : path);
  return (
    <p className="meta exports">
      {t.rich("exportLinks", {
        atom: anchorTag(href("/api/feeds/agreements.atom")),
        csv: anchorTag(href("/api/exports/agreements.csv")),
        json: anchorTag(href("/api/exports/agreements.json")),
        code: codeTag,
      })}
    </p>
  );
}

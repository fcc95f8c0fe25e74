// Links to the Atom feed and the downloads of the list on screen, with its filters.
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { agreementFiltersToSearchParams } from "@/server/agreements/filters";
import type { AgreementFilters } from "@/server/agreements/schemas";

export async function ExportLinks({ filters }: { filters: AgreementFilters }) {
  const t = await getTranslations("agreements");
  const query = agreementFiltersToSearchParams(filters).toString();
  const href = (path: string) => (query ? `${path}?${query}` : path);
  const link = (path: string) => (chunks: ReactNode) => <a href={href(path)}>{chunks}</a>;
  return (
    <p className="meta exports">
      {t.rich("exportLinks", {
        atom: link("/api/feeds/agreements.atom"),
        csv: link("/api/exports/agreements.csv"),
        json: link("/api/exports/agreements.json"),
        // Code reads left to right in every language.
        code: (chunks) => <code dir="ltr">{chunks}</code>,
      })}
    </p>
  );
}

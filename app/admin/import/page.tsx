import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import { ImportPanel } from "@/app/_components/admin/import-panel";
import { codeTag } from "@/app/_components/rich-tags";
import { getFormat } from "@/app/_components/server-format";
import type { Messages } from "@/i18n/messages";
import { requireAdmin } from "@/server/auth/page-guards";
import { env } from "@/server/env";
import { EVENT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, SOURCE_COLUMNS } from "@/server/import/columns";
import { DATE_PRECISIONS, LEVELS, OVERRIDE_KEYS, VERIFICATIONS } from "@/server/method/params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPages.import"))("metaTitle") };
}
export const dynamic = "force-dynamic";

type WordedColumn = keyof Messages["adminPages"]["import"]["columns"];

/** The columns whose cell holds one of a closed list: the list, as the file spells it, goes in their words. */
const ALLOWED: Partial<Record<WordedColumn, readonly string[]>> = { date_precision: DATE_PRECISIONS, level: LEVELS, verification: VERIFICATIONS, override_key: OVERRIDE_KEYS };

/** The columns the messages describe; a column added since without words shows its English meaning. */
const WORDED_COLUMNS = [
  "external_id", "title", "summary", "date", "date_precision", "dyad", "actor", "target", "cameo_code", "level", "verification", "override_key",
  "score_override", "override_reason", "place_name", "place_lat", "place_lon", "agreement_ids",
  "source_N_publisher", "source_N_title", "source_N_url", "source_N_published_on",
] as const satisfies readonly WordedColumn[];
const isWorded = (name: string): name is WordedColumn => (WORDED_COLUMNS as readonly string[]).includes(name);

export default async function ImportPage() {
  await requireAdmin();
  const [t, format] = await Promise.all([getTranslations("adminPages.import"), getFormat()]);
  const megabytes = format.number(MAX_IMPORT_BYTES / 1024 / 1024);
  const meaning = (c: { name: string; meaning: string }) => (isWorded(c.name) ? t(`columns.${c.name}`, { values: ALLOWED[c.name]?.join(", ") ?? "" }) : c.meaning);
  return (
    <>
      <p>
        <Link href="/admin">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lede">{t.rich("lede", { code: codeTag })}</p>
      <p>
        <a href="/api/admin/import/template.csv" download>
          {t("template")}
        </a>{" "}
        {t("limits", { rows: format.number(MAX_IMPORT_ROWS), megabytes })}
      </p>
      <ImportPanel maxBytes={MAX_IMPORT_BYTES} reviewRequired={env.REVIEW_REQUIRED} />
      <details className="panel import-format">
        <summary>{t("format")}</summary>
        <p>{t("formatText")}</p>
        <table>
          <caption>{t("columnsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("column")}</th>
              <th scope="col">{t("required")}</th>
              <th scope="col">{t("meaning")}</th>
            </tr>
          </thead>
          <tbody>
            {[...EVENT_COLUMNS, ...SOURCE_COLUMNS].map((c) => (
              <tr key={c.name}>
                <td>
                  <code dir="ltr">{c.name}</code>
                </td>
                <td>{c.required ? t("yes") : t("no")}</td>
                <td>{meaning(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

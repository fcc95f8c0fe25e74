import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AlertsPanel } from "../_components/alerts/alerts-panel";
import { Link } from "@/app/_components/link";
import { requireUser } from "@/server/auth/page-guards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts.page"))("title") };
}
export const dynamic = "force-dynamic";

/** A route handler, not a page: a plain link, so the browser downloads the document. */
const ALERTS_FEED = "/api/feeds/alerts.atom";

export default async function AlertsPage() {
  await requireUser();
  const t = await getTranslations("alerts.page");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="meta">{t("intro")}</p>
      <p className="meta">
        {/* Isolated (U+2068…U+2069): code keeps its left-to-right order inside an Arabic sentence. */}
        {t("feed", { rule: "\u2068?rule=<id>\u2069", token: "\u2068?token=…\u2069", header: "\u2068Authorization: Bearer …\u2069" })}{" "}
        <a href={ALERTS_FEED}>{t("feedLink")}</a> · <Link href="/account">{t("tokensLink")}</Link>
      </p>
      <AlertsPanel />
    </>
  );
}

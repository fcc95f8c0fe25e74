import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import { CreateUserForm, UserTable } from "../_components/admin/user-admin";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPages.index"))("title") };
}
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const me = await requireAdmin();
  const [users, t] = await Promise.all([(await serverCaller()).users.list(), getTranslations("adminPages.index")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <nav aria-label={t("nav")} className="range-links">
        <Link href="/admin/review">{t("links.review")}</Link>
        <Link href="/admin/events/new">{t("links.eventNew")}</Link>
        <Link href="/admin/conditions/new">{t("links.conditionNew")}</Link>
        <Link href="/admin/agreements/new">{t("links.agreementNew")}</Link>
        <Link href="/admin/import">{t("links.import")}</Link>
        <Link href="/admin/feeds">{t("links.feeds")}</Link>
        <Link href="/admin/tokens">{t("links.tokens")}</Link>
        <Link href="/admin/audit">{t("links.audit")}</Link>
        <Link href="/admin/jobs">{t("links.jobs")}</Link>
      </nav>
      <h2>{t("users")}</h2>
      <UserTable users={users} myId={me.id} />
      <CreateUserForm />
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "../_components/auth/change-password-form";
import { FeedTokens } from "../_components/auth/feed-tokens";
import { requireUser } from "@/server/auth/page-guards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUser();
  const t = await getTranslations("account");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="meta">
        <span dir="auto">{user.name}</span> · {user.email} · {t(`roles.${user.role}`)}
      </p>
      <ChangePasswordForm />
      <FeedTokens />
    </>
  );
}

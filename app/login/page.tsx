import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "../_components/auth/login-form";
import { safeNextPath } from "@/server/auth/paths";
import { requestContext } from "@/server/caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(Array.isArray(next) ? next[0] : next);
  if ((await requestContext()).user) redirect(target);
  const t = await getTranslations("auth.signIn");
  return (
    <>
      <h1>{t("title")}</h1>
      <LoginForm next={target} />
    </>
  );
}

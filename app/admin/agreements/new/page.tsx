import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReviewNote } from "@/app/_components/review/review-note";
import { env } from "@/server/env";
import { AgreementForm } from "@/app/_components/forms/agreement-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.agreementNew"))("title") };
}
export const dynamic = "force-dynamic";

export default async function NewAgreementPage() {
  await requireAdmin();
  const [options, t] = await Promise.all([(await serverCaller()).agreements.formOptions(), getTranslations("admin.agreementNew")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="meta">{t("intro")}</p>
      <ReviewNote required={env.REVIEW_REQUIRED} />
      <AgreementForm options={options} review={{ required: env.REVIEW_REQUIRED }} />
    </>
  );
}

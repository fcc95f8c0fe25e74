import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReviewNote } from "@/app/_components/review/review-note";
import { env } from "@/server/env";
import { ConditionForm } from "@/app/_components/forms/condition-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.conditionNew"))("title") };
}
export const dynamic = "force-dynamic";

export default async function NewConditionPage() {
  await requireAdmin();
  // The tracked dyads are all the form chooses from.
  const [dyads, t] = await Promise.all([(await serverCaller()).relations.dyads(), getTranslations("admin.conditionNew")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="meta">{t("intro")}</p>
      <ReviewNote required={env.REVIEW_REQUIRED} />
      <ConditionForm options={{ dyads }} review={{ required: env.REVIEW_REQUIRED }} />
    </>
  );
}

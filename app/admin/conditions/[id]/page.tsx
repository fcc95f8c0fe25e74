import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReviewNote } from "@/app/_components/review/review-note";
import { env } from "@/server/env";
import { ArchiveButton } from "@/app/_components/admin/archive-button";
import { RecordMeta } from "@/app/_components/admin/record-meta";
import { ConditionForm } from "@/app/_components/forms/condition-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { orNotFound, serverCaller } from "@/server/caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.conditionEdit"))("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function EditConditionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const caller = await serverCaller();
  const [condition, dyads, t] = await Promise.all([orNotFound(caller.conditions.forEdit({ id })), caller.relations.dyads(), getTranslations("admin")]);
  return (
    <>
      <h1>{t("conditionEdit.title")}</h1>
      <RecordMeta
        version={condition.version}
        archived={condition.archived ? t("records.archivedIndex") : null}
        open={{ href: `/dyads/${condition.values.dyad}`, label: "dyad" }}
        history={`/admin/audit?entityType=Condition&entityId=${condition.id}`}
      />
      <p className="meta">{t("conditionEdit.endHint")}</p>
      <ArchiveButton domain="conditions" id={condition.id} version={condition.version} archived={condition.archived} />
      <ReviewNote required={env.REVIEW_REQUIRED} />
      <ConditionForm options={{ dyads }} initial={condition} review={{ required: env.REVIEW_REQUIRED }} />
    </>
  );
}

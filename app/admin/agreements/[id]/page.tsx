import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReviewNote } from "@/app/_components/review/review-note";
import { env } from "@/server/env";
import { ArchiveButton } from "@/app/_components/admin/archive-button";
import { RecordMeta } from "@/app/_components/admin/record-meta";
import { AgreementForm } from "@/app/_components/forms/agreement-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { orNotFound, serverCaller } from "@/server/caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.agreementEdit"))("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function EditAgreementPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const caller = await serverCaller();
  const [agreement, options, t] = await Promise.all([orNotFound(caller.agreements.forEdit({ id })), caller.agreements.formOptions(), getTranslations("admin")]);
  return (
    <>
      <h1>{t("agreementEdit.title")}</h1>
      <RecordMeta
        version={agreement.version}
        archived={agreement.archived ? t("records.archivedFeed") : null}
        open={{ href: `/agreements/${agreement.id}`, label: "view" }}
        history={`/admin/audit?entityType=Agreement&entityId=${agreement.id}`}
      />
      <ArchiveButton domain="agreements" id={agreement.id} version={agreement.version} archived={agreement.archived} />
      <ReviewNote required={env.REVIEW_REQUIRED} />
      <AgreementForm options={options} initial={agreement} review={{ required: env.REVIEW_REQUIRED }} />
    </>
  );
}

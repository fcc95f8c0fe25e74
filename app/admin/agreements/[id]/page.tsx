import type { Metadata } from "next";
import { ReviewNote } from "@/app/_components/review/review-note";
import { env } from "@/server/env";
import { Link } from "@/app/_components/link";
import { ArchiveButton } from "@/app/_components/admin/archive-button";
import { AgreementForm } from "@/app/_components/forms/agreement-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { orNotFound, serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Edit an agreement" };
export const dynamic = "force-dynamic";

export default async function EditAgreementPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const caller = await serverCaller();
  const [agreement, options] = await Promise.all([
    orNotFound(caller.agreements.forEdit({ id })),
    caller.agreements.formOptions(),
  ]);
  return (
    <>
      <h1>Edit agreement</h1>
      <p className="meta">
        Version {agreement.version}
        {agreement.archived && " · archived: it is left out of the feed and the exports"} · <Link href={`/agreements/${agreement.id}`}>view</Link> ·{" "}
        <Link href={`/admin/audit?entityType=Agreement&entityId=${agreement.id}`}>history</Link>
      </p>
      <ArchiveButton domain="agreements" id={agreement.id} version={agreement.version} archived={agreement.archived} />
      <ReviewNote required={env.REVIEW_REQUIRED} />
      <AgreementForm options={options} initial={agreement} review={{ required: env.REVIEW_REQUIRED }} />
    </>
  );
}

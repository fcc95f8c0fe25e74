import type { Metadata } from "next";
import { ReviewNote } from "@/app/_components/review/review-note";
import { env } from "@/server/env";
import { AgreementForm } from "@/app/_components/forms/agreement-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Record an agreement" };
export const dynamic = "force-dynamic";

export default async function NewAgreementPage() {
  await requireAdmin();
  return (
    <>
      <h1>Record an agreement</h1>
      <p className="meta">It joins the agreements feed and its exports as soon as it is saved, and the change is kept in the audit log.</p>
      <ReviewNote required={env.REVIEW_REQUIRED} />
      <AgreementForm options={await (await serverCaller()).agreements.formOptions()} review={{ required: env.REVIEW_REQUIRED }} />
    </>
  );
}

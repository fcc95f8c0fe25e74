import type { Metadata } from "next";
import { ReviewNote } from "@/app/_components/review/review-note";
import { env } from "@/server/env";
import { ConditionForm } from "@/app/_components/forms/condition-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Record a standing condition" };
export const dynamic = "force-dynamic";

export default async function NewConditionPage() {
  await requireAdmin();
  // The tracked dyads are all the form chooses from.
  const dyads = await (await serverCaller()).relations.dyads();
  return (
    <>
      <h1>Record a standing condition</h1>
      <p className="meta">It weighs on the dyad&apos;s index every day from its start until the day it ends.</p>
      <ReviewNote required={env.REVIEW_REQUIRED} />
      <ConditionForm options={{ dyads }} review={{ required: env.REVIEW_REQUIRED }} />
    </>
  );
}

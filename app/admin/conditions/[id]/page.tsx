import type { Metadata } from "next";
import { ReviewNote } from "@/app/_components/review/review-note";
import { env } from "@/server/env";
import { Link } from "@/app/_components/link";
import { ArchiveButton } from "@/app/_components/admin/archive-button";
import { ConditionForm } from "@/app/_components/forms/condition-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { orNotFound, serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Edit a standing condition" };
export const dynamic = "force-dynamic";

export default async function EditConditionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const caller = await serverCaller();
  const [condition, dyads] = await Promise.all([
    orNotFound(caller.conditions.forEdit({ id })),
    caller.relations.dyads(),
  ]);
  return (
    <>
      <h1>Edit standing condition</h1>
      <p className="meta">
        Version {condition.version}
        {condition.archived ? " · archived: it does not count in the index" : ""} · <Link href={`/dyads/${condition.values.dyad}`}>dyad</Link> ·{" "}
        <Link href={`/admin/audit?entityType=Condition&entityId=${condition.id}`}>history</Link>
      </p>
      <p className="meta">To end it, give the day it ended: it stops weighing on the index from that day.</p>
      <ArchiveButton domain="conditions" id={condition.id} version={condition.version} archived={condition.archived} />
      <ReviewNote required={env.REVIEW_REQUIRED} />
      <ConditionForm options={{ dyads }} initial={condition} review={{ required: env.REVIEW_REQUIRED }} />
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReviewNote } from "@/app/_components/review/review-note";
import { env } from "@/server/env";
import { ArchiveButton } from "@/app/_components/admin/archive-button";
import { RecordMeta } from "@/app/_components/admin/record-meta";
import { EventForm } from "@/app/_components/forms/event-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { orNotFound, serverCaller } from "@/server/caller";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.eventEdit"))("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const caller = await serverCaller();
  const [event, options, t] = await Promise.all([orNotFound(caller.events.forEdit({ id })), caller.events.formOptions(), getTranslations("admin")]);
  return (
    <>
      <h1>{t("eventEdit.title")}</h1>
      <RecordMeta
        version={event.version}
        archived={event.archived ? t("records.archivedIndex") : null}
        open={{ href: `/events/${event.id}`, label: "view" }}
        history={`/admin/audit?entityType=Event&entityId=${event.id}`}
      />
      <ArchiveButton domain="events" id={event.id} version={event.version} archived={event.archived} />
      <ReviewNote required={env.REVIEW_REQUIRED} />
      <EventForm options={options} initial={event} review={{ required: env.REVIEW_REQUIRED }} />
    </>
  );
}

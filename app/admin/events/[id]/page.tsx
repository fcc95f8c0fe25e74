import type { Metadata } from "next";
import { ReviewNote } from "@/app/_components/review/review-note";
import { env } from "@/server/env";
import { Link } from "@/app/_components/link";
import { ArchiveButton } from "@/app/_components/admin/archive-button";
import { EventForm } from "@/app/_components/forms/event-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { orNotFound, serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Edit an event" };
export const dynamic = "force-dynamic";

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const caller = await serverCaller();
  const [event, options] = await Promise.all([
    orNotFound(caller.events.forEdit({ id })),
    caller.events.formOptions(),
  ]);
  return (
    <>
      <h1>Edit event</h1>
      <p className="meta">
        Version {event.version}
        {event.archived ? " · archived: it does not count in the index" : ""} · <Link href={`/events/${event.id}`}>view</Link> ·{" "}
        <Link href={`/admin/audit?entityType=Event&entityId=${event.id}`}>history</Link>
      </p>
      <ArchiveButton domain="events" id={event.id} version={event.version} archived={event.archived} />
      <ReviewNote required={env.REVIEW_REQUIRED} />
      <EventForm options={options} initial={event} review={{ required: env.REVIEW_REQUIRED }} />
    </>
  );
}

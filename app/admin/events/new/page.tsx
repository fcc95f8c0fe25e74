import type { Metadata } from "next";
import { ReviewNote } from "@/app/_components/review/review-note";
import { env } from "@/server/env";
import { TRPCError } from "@trpc/server";
import { Link } from "@/app/_components/link";
import { EventForm } from "@/app/_components/forms/event-form";
import { requireAdmin } from "@/server/auth/page-guards";
import { orNotFound, serverCaller } from "@/server/caller";
import { paramValue } from "@/server/scope/url";
import type { EventFormOptions } from "@/app/_components/forms/event-form";
import type { eventDraftOf } from "@/server/feeds/service";

export const metadata: Metadata = { title: "Record an event" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;

export default async function NewEventPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireAdmin();
  const caller = await serverCaller();
  const params = await searchParams;
  const clusterId = paramValue(params, "cluster");
  const headlineId = paramValue(params, "headline");
  const options = await caller.events.formOptions();
  if (clusterId === undefined) {
    // "Make event" on /admin/feeds: the form starts from the headline, and saving marks it used.
    const fromHeadline = headlineId ? await orNotFound(caller.feeds.eventDraft({ id: headlineId })) : null;
    return (
      <>
        <h1>Record an event</h1>
        <p className="meta">It counts in the relations index as soon as it is saved, and the change is kept in the audit log.</p>
        {fromHeadline ? (
          <HeadlineEventForm options={options} draft={fromHeadline} />
        ) : (
          <>
            <ReviewNote required={env.REVIEW_REQUIRED} />
            <EventForm options={options} review={{ required: env.REVIEW_REQUIRED }} />
          </>
        )}
      </>
    );
  }
  // "Edit then accept" from the review queue: the cluster's values, saved as the event that accepts it.
  const draft = await orNotFound(
    caller.review.draft({ clusterId }).catch((error: unknown) => {
      if (error instanceof TRPCError && (error.code === "CONFLICT" || error.code === "UNPROCESSABLE_CONTENT")) return { refused: error.message };
      throw error;
    }),
  );
  return (
    <>
      <h1>Edit then accept</h1>
      {"refused" in draft ? (
        <p className="notice" role="alert">
          {draft.refused} <Link href="/admin/review">Back to the review queue</Link>
        </p>
      ) : (
        <>
          <p className="meta">
            Prefilled from a GDELT cluster: check the title, level and verification. Saving publishes the event (provenance GDELT) and accepts the cluster; it
            counts in the index at once.
          </p>
          <EventForm options={options} fromCluster={draft} />
        </>
      )}
    </>
  );
}

function HeadlineEventForm({ options, draft }: { options: EventFormOptions; draft: Awaited<ReturnType<typeof eventDraftOf>> }) {
  const { headline } = draft;
  return (
    <>
      <p className="notice" dir="auto">
        From the headline{" "}
        <a href={headline.link} rel="noopener noreferrer nofollow" target="_blank">
          {headline.title}
        </a>
        . Choose the event type, and check the dyad and date before saving. <Link href="/admin/feeds#headlines">Back to the headlines</Link>
      </p>
      {headline.status === "USED" ? (
        <p className="empty">
          This headline has already been made into an event
          {headline.eventId && (
            <>
              : <Link href={`/events/${headline.eventId}`}>open it</Link>
            </>
          )}
          .
        </p>
      ) : (
        <EventForm options={options} fromHeadline={{ id: headline.id, values: draft.values }} />
      )}
    </>
  );
}

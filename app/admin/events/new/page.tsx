import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.eventNew"))("title") };
}
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;

export default async function NewEventPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireAdmin();
  const caller = await serverCaller();
  const params = await searchParams;
  const clusterId = paramValue(params, "cluster");
  const headlineId = paramValue(params, "headline");
  const options = await caller.events.formOptions();
  const t = await getTranslations("admin.eventNew");
  if (clusterId === undefined) {
    // "Make event" on /admin/feeds: the form starts from the headline, and saving marks it used.
    const fromHeadline = headlineId ? await orNotFound(caller.feeds.eventDraft({ id: headlineId })) : null;
    return (
      <>
        <h1>{t("title")}</h1>
        <p className="meta">{t("intro")}</p>
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
      <h1>{t("acceptTitle")}</h1>
      {"refused" in draft ? (
        <p className="notice" role="alert">
          {draft.refused} <Link href="/admin/review">{t("backToQueue")}</Link>
        </p>
      ) : (
        <>
          <p className="meta">{t("fromCluster")}</p>
          {env.REVIEW_REQUIRED && <p className="notice">{t("clusterReview")}</p>}
          <EventForm options={options} fromCluster={draft} />
        </>
      )}
    </>
  );
}

// Rich messages' tags, made outside render (a component defined in render remounts each time).
const linkTo = (href: string) => (words: ReactNode) => <Link href={href}>{words}</Link>;
const outboundLink = (href: string) => (words: ReactNode) => (
  <a href={href} rel="noopener noreferrer nofollow" target="_blank" dir="auto">
    {words}
  </a>
);

async function HeadlineEventForm({ options, draft }: { options: EventFormOptions; draft: Awaited<ReturnType<typeof eventDraftOf>> }) {
  // inReview: used by no event yet, "Make event" made a draft of it that is still in review.
  const { headline, inReview } = draft;
  const t = await getTranslations("admin.eventNew");
  return (
    <>
      <p className="notice">
        {t.rich("fromHeadline", {
          title: headline.title,
          link: outboundLink(headline.link),
          back: linkTo("/admin/feeds#headlines"),
        })}
      </p>
      {headline.status === "USED" ? (
        <p className="empty">
          {headline.eventId ? t.rich("headlineUsedOpen", { link: linkTo(`/events/${headline.eventId}`) }) : inReview ? t("headlineDrafted") : t("headlineUsed")}
        </p>
      ) : (
        <>
          {env.REVIEW_REQUIRED && <ReviewNote required />}
          <EventForm options={options} fromHeadline={{ id: headline.id, values: draft.values, forReview: env.REVIEW_REQUIRED }} />
        </>
      )}
    </>
  );
}

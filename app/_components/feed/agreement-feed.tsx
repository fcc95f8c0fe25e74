"use client";
// The agreements feed: the first page prefetched on the server, the next ones on "Load more"
// or, where the page asks for it, as the reader scrolls towards the end of the list.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { linkTag } from "@/app/_components/rich-tags";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import type { AgreementFilters } from "@/server/agreements/schemas";
import { AgreementCard } from "./agreement-card";
import { feedInput, nextPageOf } from "./feed-query";

interface Props {
  filters: AgreementFilters;
  filtered: boolean;
  pageSize: number;
  /** The list's accessible name ("Latest agreements", "Agreements"). */
  label: string;
  /** Where "Clear filters" leads: the same page without its query string. */
  clearHref: string;
  infiniteScroll?: boolean;
}

/** Keys that scroll the page when no control takes them. */
const SCROLL_KEYS = new Set(["PageDown", "End", "ArrowDown"]);

/**
 * Whether the reader has scrolled the page themselves (wheel, touch, the scrolling keys). Pages
 * load on their own only after that: reaching "Load more" by Tab, or a click on it that first
 * brings it into view, must not also start a load that moves the list under the pointer (the
 * click then landed on an agreement that slid into the button's place).
 */
function useReaderScrolled(enabled: boolean): boolean {
  const [scrolled, setScrolled] = useState(false);
  useEffect(() => {
    if (!enabled || scrolled) return;
    const done = () => setScrolled(true);
    const onKey = (event: KeyboardEvent) => {
      if (SCROLL_KEYS.has(event.key)) done();
    };
    window.addEventListener("wheel", done, { passive: true });
    window.addEventListener("touchmove", done, { passive: true });
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("wheel", done);
      window.removeEventListener("touchmove", done);
      window.removeEventListener("keydown", onKey);
    };
  }, [enabled, scrolled]);
  return scrolled;
}

function RetryButton({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("agreements.feed");
  return (
    <button type="button" onClick={onRetry}>
      {t("retry")}
    </button>
  );
}

export function AgreementFeed({ filters, filtered, pageSize, label, clearHref, infiniteScroll = false }: Props) {
  const t = useTranslations("agreements.feed");
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.agreements.list.infiniteQueryOptions(feedInput(filters, pageSize), { getNextPageParam: nextPageOf }),
  );
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const sentinel = useRef<HTMLDivElement>(null);
  const scrolling = useReaderScrolled(infiniteScroll);

  useEffect(() => {
    const target = sentinel.current;
    // After a failed page the reader chooses when to retry: no automatic loop of errors.
    if (!scrolling || !target || !hasNextPage || isFetchNextPageError) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [scrolling, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  if (query.isPending) {
    return (
      <p aria-busy="true" className="loading">
        {t("loading")}
      </p>
    );
  }
  if (query.isError && !query.data) {
    return (
      <p className="error" role="alert">
        {t("failed", { reason: query.error.message })}{" "}
        <RetryButton onRetry={() => void query.refetch()} />
      </p>
    );
  }

  const pages = query.data.pages;
  const agreements = pages.flatMap((p) => p.items);
  const searchLeftOut = pages[0]?.searchLeftOut;

  return (
    <>
      {searchLeftOut && <output className="notice">{t("searchLeftOut", { q: searchLeftOut })}</output>}
      {agreements.length === 0 ? (
        filtered ? (
          <p className="empty">{t.rich("noMatch", { clear: linkTag(clearHref) })}</p>
        ) : (
          <p className="empty">{t("none")}</p>
        )
      ) : (
        <ol className="feed" aria-label={label}>
          {agreements.map((a) => (
            <AgreementCard key={a.id} agreement={a} />
          ))}
        </ol>
      )}
      <p className="visually-hidden" aria-live="polite">
        {pages.length > 1 ? t("shown", { count: agreements.length }) : ""}
      </p>
      {isFetchNextPageError && (
        <p className="error" role="alert">
          {t("moreFailed", { reason: query.error?.message ?? "" })} <RetryButton onRetry={() => void fetchNextPage()} />
        </p>
      )}
      {hasNextPage && (
        <div ref={sentinel} className="load-more">
          <button type="button" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {isFetchingNextPage ? t("loadingMore") : t("loadMore")}
          </button>
        </div>
      )}
      {!hasNextPage && pages.length > 1 && <p className="meta">{t("end", { count: agreements.length })}</p>}
    </>
  );
}

"use client";
// The app's one link. It prefetches its page when the reader shows intent (pointer over it,
// keyboard focus, a touch), not whenever it scrolls into view as next/link does by default:
// every page here is rendered per request for a signed-in reader, so viewport prefetching made
// each page view cost a server render for every link in sight (the nav, each card, each
// agreement of the feed), nearly all of them never opened. Hover still leaves the ~100 ms
// before a click for the prefetch, so navigation stays quick.
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

export function Link({ href, prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const prefetchOnIntent = () => {
    if (prefetch !== false && typeof href === "string" && href.startsWith("/")) router.prefetch(href);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetchOnIntent();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetchOnIntent();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        prefetchOnIntent();
        onTouchStart?.(event);
      }}
    />
  );
}

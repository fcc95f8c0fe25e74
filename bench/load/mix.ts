// What 100 analysts do, as a weighted mix: the pages they open and the tRPC GET calls those
// pages make from the browser. Each route gets a share of the connections; its path varies
// per request (search words, cursors) so caches do not flatter the numbers.
import { fromDay } from "../../server/method/day";
import { trpcQueryPath } from "./app-server";

export interface LoadRoute {
  name: string;
  kind: "page" | "api";
  /** Share of the analysts' connections. */
  weight: number;
  path: () => string;
}

const SEARCHES = ["security", "rail", "renewable energy", "water", '"action plan"', "education", "health", "fisheries", "port -rail", "gas or mining"];

function rotating<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length] as T;
}

export function loadMix({ today, cursors }: { today: number; cursors: string[] }): LoadRoute[] {
  const search = rotating(SEARCHES);
  const cursor = rotating(cursors);
  const lastYear = { from: fromDay(today - 365), to: fromDay(today) };
  const threeYears = { from: fromDay(today - 3 * 365), to: fromDay(today) };
  return [
    { name: "page /", kind: "page", weight: 10, path: () => "/" },
    { name: "page /dyads/FRA-MAR", kind: "page", weight: 6, path: () => "/dyads/FRA-MAR" },
    { name: "page /agreements?q=…", kind: "page", weight: 6, path: () => `/agreements?q=${encodeURIComponent(search())}` },
    { name: "page /views", kind: "page", weight: 4, path: () => "/views" },
    { name: "relations.summary", kind: "api", weight: 12, path: () => trpcQueryPath("relations.summary", {}) },
    { name: "relations.series (3 y daily)", kind: "api", weight: 8, path: () => trpcQueryPath("relations.series", { dyads: ["FRA-MAR"], ...threeYears, granularity: "daily" }) },
    { name: "relations.volume", kind: "api", weight: 6, path: () => trpcQueryPath("relations.volume", lastYear) },
    { name: "events.forMap (1 y)", kind: "api", weight: 8, path: () => trpcQueryPath("events.forMap", lastYear) },
    { name: "agreements.list", kind: "api", weight: 10, path: () => trpcQueryPath("agreements.list", { limit: 20 }) },
    { name: "agreements.list search", kind: "api", weight: 12, path: () => trpcQueryPath("agreements.list", { filters: { q: search() }, limit: 20 }) },
    { name: "agreements.list cursor", kind: "api", weight: 10, path: () => trpcQueryPath("agreements.list", { limit: 20, cursor: cursor() }) },
    { name: "views.list", kind: "api", weight: 8, path: () => trpcQueryPath("views.list") },
  ];
}

/** Cursors of the feed's pages 2…n+1, walked as a reader paging down would. */
export async function feedCursors(origin: string, cookie: string, pages: number): Promise<string[]> {
  const cursors: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < pages; i++) {
    const response = await fetch(`${origin}${trpcQueryPath("agreements.list", { limit: 20, cursor })}`, { headers: { cookie } });
    const body = (await response.json()) as { result?: { data?: { json?: { nextCursor?: string | null } } } };
    cursor = body.result?.data?.json?.nextCursor ?? null;
    if (!cursor) break;
    cursors.push(cursor);
  }
  if (cursors.length === 0) throw new Error("agreements.list gave no cursor: is the data there?");
  return cursors;
}

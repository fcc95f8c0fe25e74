// The dashboard's whole state, one schema for the URL's search params and for stored views.
// Shared by the browser (the filter bar writes URLs) and the server (pages read them); its
// fields are the scope's (server/scope/schemas.ts).
//
// Stored views keep the version they were saved with. When the state changes shape, add a
// version: bump VIEW_STATE_VERSION, keep the old schema under its number, and add the step
// that turns it into the next one to `upgrades`, so every view ever saved still opens.
import { z } from "zod";
import { parseLeniently } from "../scope/lenient";
import { dayRangeInOrder, dyadKeys, isoDay, searchText, sectors, statuses } from "../scope/schemas";

export const VIEW_STATE_VERSION = 1;

export const PANELS = ["relations", "map", "agreements"] as const;
export type Panel = (typeof PANELS)[number];

export const mapViewport = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  zoom: z.number().min(1).max(18),
});

const stateV1 = z
  .object({
    v: z.literal(1),
    dyads: dyadKeys(20).default([]),
    from: isoDay.nullable().default(null),
    to: isoDay.nullable().default(null),
    sectors: sectors.default([]),
    statuses: statuses.default([]),
    q: searchText.default(""),
    map: mapViewport.nullable().default(null),
    panels: z.array(z.enum(PANELS)).min(1).max(PANELS.length).default([...PANELS]),
  })
  .refine(dayRangeInOrder.check, dayRangeInOrder.params);

/** The current version: what stored views and the dashboard's URL are parsed into. */
export const savedViewState = stateV1;
export type ViewState = z.infer<typeof savedViewState>;

export const defaultViewState: ViewState = savedViewState.parse({ v: VIEW_STATE_VERSION });

/** Each step turns a state of version n (already valid for it) into raw input for n + 1. */
const upgrades: Record<number, (state: Record<string, unknown>) => Record<string, unknown>> = {};
const schemas: Record<number, z.ZodType<Record<string, unknown>>> = { 1: stateV1 };

export class UnknownViewVersion extends Error {}

export const isKnownViewVersion = (version: number) => Object.hasOwn(schemas, version);

/**
 * Opens a state saved under any version this code has known: a field that no longer parses
 * falls back to its default rather than making the whole view unreadable, and is named in `dropped`.
 */
export function openViewState(version: number, stored: unknown): { state: ViewState; dropped: string[] } {
  const schema = schemas[version];
  if (!schema) throw new UnknownViewVersion(`Saved view state version ${version} is unknown (this build knows 1–${VIEW_STATE_VERSION}).`);
  const opened = parseLeniently(schema, { ...asRecord(stored), v: version }, { v: version });
  let state = opened.data;
  for (let v = version; v < VIEW_STATE_VERSION; v++) {
    const upgrade = upgrades[v];
    const next = schemas[v + 1];
    if (!upgrade || !next) throw new UnknownViewVersion(`No upgrade from view state version ${v}.`);
    state = parseLeniently(next, { ...upgrade(state), v: v + 1 }, { v: v + 1 }).data;
  }
  return { state: parseLeniently(savedViewState, state, { v: VIEW_STATE_VERSION }).data, dropped: opened.dropped };
}

export function migrateViewState(version: number, stored: unknown): ViewState {
  return openViewState(version, stored).state;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : {};
}

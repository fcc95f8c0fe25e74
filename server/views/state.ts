// The dashboard's whole state, one schema for the URL's search params and for stored views.
// Shared by the browser (the filter bar writes URLs) and the server (pages read them).
//
// Stored views keep the version they were saved with. When the state changes shape, add a
// version: bump VIEW_STATE_VERSION, keep the old schema under its number, and add the step
// that turns it into the next one to `upgrades`, so every view ever saved still opens.
import { z } from "zod";
import { AgreementStatus } from "../generated/prisma/enums";

export const VIEW_STATE_VERSION = 1;

export const PANELS = ["relations", "map", "agreements"] as const;
export type Panel = (typeof PANELS)[number];

export const dyadKeySchema = z.string().max(7, "must be two ISO country codes, e.g. FRA-MAR").regex(/^[A-Z]{3}-[A-Z]{3}$/, "must be two ISO country codes, e.g. FRA-MAR");
const isoDate = z.iso.date("must be a date, YYYY-MM-DD").max(10, "must be a date, YYYY-MM-DD");

export const mapViewport = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  zoom: z.number().min(1).max(18),
});

const dateRangeRule = {
  check: (s: { from: string | null; to: string | null }) => !s.from || !s.to || s.from <= s.to,
  params: {
    path: ["to"],
    message: "must not be before the start date",
    // Compare dates only once both parse: "yesterday" is reported as a bad date, not a bad range.
    when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0,
  },
};

const filterFields = {
  dyads: z.array(dyadKeySchema).max(20, "at most 20 dyads").default([]),
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
};

const stateV1 = z
  .object({
    v: z.literal(1),
    ...filterFields,
    sectors: z.array(z.string().trim().min(1).max(40)).max(20, "at most 20 sectors").default([]),
    statuses: z.array(z.enum(AgreementStatus)).max(7).default([]),
    q: z.string().trim().max(200, "at most 200 characters").default(""),
    map: mapViewport.nullable().default(null),
    panels: z.array(z.enum(PANELS)).min(1).max(PANELS.length).default([...PANELS]),
  })
  .refine(dateRangeRule.check, dateRangeRule.params);

/** The current version: what stored views and the dashboard's URL are parsed into. */
export const savedViewState = stateV1;
export type ViewState = z.infer<typeof savedViewState>;

export const defaultViewState: ViewState = savedViewState.parse({ v: VIEW_STATE_VERSION });

/** Each step turns a state of version n (already valid for it) into raw input for n + 1. */
const upgrades: Record<number, (state: Record<string, unknown>) => Record<string, unknown>> = {};
const schemas: Record<number, z.ZodType<Record<string, unknown>>> = { 1: stateV1 };

export class UnknownViewVersion extends Error {}

/**
 * Opens a state saved under any version this code has known: a field that no longer parses
 * falls back to its default rather than making the whole view unreadable.
 */
export function migrateViewState(version: number, stored: unknown): ViewState {
  const schema = schemas[version];
  if (!schema) throw new UnknownViewVersion(`Saved view state version ${version} is unknown (this build knows 1–${VIEW_STATE_VERSION}).`);
  let state = parseLeniently(schema, { ...asRecord(stored), v: version });
  for (let v = version; v < VIEW_STATE_VERSION; v++) {
    const upgrade = upgrades[v];
    const next = schemas[v + 1];
    if (!upgrade || !next) throw new UnknownViewVersion(`No upgrade from view state version ${v}.`);
    state = parseLeniently(next, { ...upgrade(state), v: v + 1 });
  }
  return parseLeniently(savedViewState, state);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? { ...value } : {};
}

/** Drops the top-level fields that fail, so their defaults apply, and keeps the rest. */
export function parseLeniently<T>(schema: z.ZodType<T>, raw: Record<string, unknown>): T {
  let input = raw;
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = schema.safeParse(input);
    if (result.success) return result.data;
    const bad = new Set(result.error.issues.map((i) => String(i.path[0] ?? "")));
    input = Object.fromEntries(Object.entries(input).filter(([key]) => key === "v" || !bad.has(key)));
  }
  return schema.parse({ v: raw.v });
}

// The lines POST /api/admin/import streams while an import runs (NDJSON), read by the page's
// progress bar. Types only, so the browser bundle imports nothing from the server.
export type ImportProgress =
  | { phase: "validated"; writes: number; dyads: number }
  | { phase: "writing"; done: number; total: number }
  | { phase: "indexing"; done: number; total: number }
  | { phase: "done"; created: number; updated: number; unchanged: number; events: { id: string; title: string; status: "new" | "changed" }[] }
  /** With review required: one draft per new or changed row, tagged `source`, nothing published. */
  | { phase: "submitted"; drafts: number; unchanged: number; source: string; shown: { id: string; title: string }[] }
  | { phase: "failed"; message: string };

/** Rows each statement writes: progress moves every this many rows. */
export const IMPORT_BATCH = 500;

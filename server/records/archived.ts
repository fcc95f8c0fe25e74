// Reads of one record and of what it links turn canReadArchived (server/auth/permissions.ts)
// into their filter with this, so a record and its links follow the same rule.

/** Every record when archived ones may be read; otherwise live ones only. */
export function readableRecords(withArchived: boolean): { archivedAt?: null } {
  return withArchived ? {} : { archivedAt: null };
}

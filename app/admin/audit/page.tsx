import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import { AUDITED_ENTITIES, auditListInput } from "@/server/admin/schemas";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/** Where each kind of record is opened from the log (an archived one through its editor). */
const RECORD_PAGE: Record<string, ((id: string) => string) | undefined> = {
  Event: (id) => `/events/${id}`,
  Condition: (id) => `/admin/conditions/${id}`,
  Agreement: (id) => `/admin/agreements/${id}`,
  Job: () => "/admin/jobs",
  Draft: (id) => `/admin/drafts/${id}`,
};

/** How the filter names each kind of thing the log records. */
const SUBJECT_LABEL: Record<(typeof AUDITED_ENTITIES)[number], string> = {
  Event: "Event",
  Condition: "Condition",
  Agreement: "Agreement",
  CandidateCluster: "Review decision",
  Draft: "Draft (drafted, returned, published)",
  AutoAcceptRule: "Auto-accept rule",
  NewsFeed: "News feed",
  Headline: "Headline",
  CountryKeywords: "Country keywords",
  User: "User",
  Session: "Sign-in",
  FeedToken: "Feed token",
  AlertRule: "Alert rule",
  Alert: "Alert",
  Team: "Team",
  TeamInvitation: "Team invitation",
  Membership: "Team membership",
  Job: "Job run",
  SavedView: "Saved view",
  AnalystNote: "Analyst note",
};

const show = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireAdmin();
  const params = await searchParams;
  const parsed = auditListInput.safeParse({
    entityType: one(params.entityType),
    entityId: one(params.entityId),
    actorId: one(params.actorId),
    before: one(params.before),
  });
  const filter = parsed.success ? parsed.data : auditListInput.parse({});
  const { entries, nextBefore } = await (await serverCaller()).admin.audit(filter);
  const query = (extra: Record<string, string>) =>
    `/admin/audit?${new URLSearchParams(Object.entries({ entityType: filter.entityType ?? "", entityId: filter.entityId ?? "", actorId: filter.actorId ?? "", ...extra }).filter(([, v]) => v)).toString()}`;

  return (
    <>
      <h1>Audit log</h1>
      {!parsed.success && <p className="error">Some filters in the address were not valid and were ignored.</p>}
      <form method="get" className="filter-bar" aria-label="Audit filters">
        <label>
          Record type{" "}
          <select name="entityType" defaultValue={filter.entityType ?? ""}>
            <option value="">Any</option>
            {AUDITED_ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {SUBJECT_LABEL[entity]}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Record id <input name="entityId" defaultValue={filter.entityId ?? ""} />
        </label>{" "}
        <label>
          User id <input name="actorId" defaultValue={filter.actorId ?? ""} />
        </label>{" "}
        <button type="submit">Filter</button> <Link href="/admin/audit">Clear</Link>
      </form>
      {entries.length === 0 ? (
        <p className="empty">No change matches these filters.</p>
      ) : (
        <table aria-label="Changes, newest first">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Record</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td>{e.actor ? <Link href={query({ actorId: e.actor.id })}>{e.actor.name}</Link> : "system"}</td>
                <td>{e.action.toLowerCase().replaceAll("_", " ")}</td>
                <td>
                  <Link href={query({ entityType: e.entityType, entityId: e.entityId })}>
                    {e.entityType} {e.entityId.slice(-8)}
                  </Link>
                  {RECORD_PAGE[e.entityType] && (
                    <>
                      {" "}
                      · <Link href={RECORD_PAGE[e.entityType]?.(e.entityId) ?? ""}>open</Link>
                    </>
                  )}
                </td>
                <td>
                  <ul className="diff">
                    {e.changes.map((c) => (
                      <li key={c.field}>
                        <strong>{c.field}</strong>: <del>{show(c.before)}</del> → <ins>{show(c.after)}</ins>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore && <Link href={query({ before: nextBefore })}>Older changes</Link>}
    </>
  );
}

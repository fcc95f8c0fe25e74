import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/link";
import { getFormat } from "@/app/_components/server-format";
import { requireAdmin } from "@/server/auth/page-guards";
import { serverCaller } from "@/server/caller";
import { AUDITED_ENTITIES, auditListInput } from "@/server/admin/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPages.audit"))("title") };
}
export const dynamic = "force-dynamic";

type Params = Record<string, string | string[] | undefined>;
type Subject = (typeof AUDITED_ENTITIES)[number];
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const isSubject = (type: string): type is Subject => (AUDITED_ENTITIES as readonly string[]).includes(type);

/** Where each kind of record is opened from the log (an archived one through its editor). */
const RECORD_PAGE: Record<string, ((id: string) => string) | undefined> = {
  Event: (id) => `/events/${id}`,
  Condition: (id) => `/admin/conditions/${id}`,
  Agreement: (id) => `/admin/agreements/${id}`,
  Job: () => "/admin/jobs",
  Draft: (id) => `/admin/drafts/${id}`,
};

// Field names and values are the records' own, as stored: shown as they are, in their own direction.
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
  const [{ entries, nextBefore }, t, format] = await Promise.all([(await serverCaller()).admin.audit(filter), getTranslations("adminPages.audit"), getFormat()]);
  const query = (extra: Record<string, string>) =>
    `/admin/audit?${new URLSearchParams(Object.entries({ entityType: filter.entityType ?? "", entityId: filter.entityId ?? "", actorId: filter.actorId ?? "", ...extra }).filter(([, v]) => v)).toString()}`;
  const subject = (type: string) => (isSubject(type) ? t(`subjects.${type}`) : type);

  return (
    <>
      <h1>{t("title")}</h1>
      {!parsed.success && <p className="error">{t("badFilters")}</p>}
      <form method="get" className="filter-bar" aria-label={t("filters")}>
        <label>
          {t("recordType")}{" "}
          <select name="entityType" defaultValue={filter.entityType ?? ""}>
            <option value="">{t("any")}</option>
            {AUDITED_ENTITIES.map((entity) => (
              <option key={entity} value={entity}>
                {entity === "Draft" ? t("draftsOption") : subject(entity)}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("recordId")} <input name="entityId" defaultValue={filter.entityId ?? ""} dir="ltr" />
        </label>{" "}
        <label>
          {t("userId")} <input name="actorId" defaultValue={filter.actorId ?? ""} dir="ltr" />
        </label>{" "}
        <button type="submit">{t("filter")}</button> <Link href="/admin/audit">{t("clear")}</Link>
      </form>
      {entries.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <table aria-label={t("table")}>
          <thead>
            <tr>
              <th scope="col">{t("columns.when")}</th>
              <th scope="col">{t("columns.who")}</th>
              <th scope="col">{t("columns.what")}</th>
              <th scope="col">{t("columns.record")}</th>
              <th scope="col">{t("columns.changes")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at.toISOString()}>{format.moment(e.at)}</time>
                </td>
                <td dir="auto">{e.actor ? <Link href={query({ actorId: e.actor.id })}>{e.actor.name}</Link> : t("system")}</td>
                <td>{t(`actions.${e.action}`)}</td>
                <td>
                  <Link href={query({ entityType: e.entityType, entityId: e.entityId })}>
                    {subject(e.entityType)} <span dir="ltr">{e.entityId.slice(-8)}</span>
                  </Link>
                  {RECORD_PAGE[e.entityType] && (
                    <>
                      {" "}
                      · <Link href={RECORD_PAGE[e.entityType]?.(e.entityId) ?? ""}>{t("open")}</Link>
                    </>
                  )}
                </td>
                <td>
                  <ul className="diff">
                    {e.changes.map((c) => (
                      <li key={c.field}>
                        <strong dir="ltr">{c.field}</strong>: <del dir="auto">{show(c.before)}</del> → <ins dir="auto">{show(c.after)}</ins>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore && <Link href={query({ before: nextBefore })}>{t("older")}</Link>}
    </>
  );
}

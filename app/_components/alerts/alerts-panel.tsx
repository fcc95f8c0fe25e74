"use client";
// The user's alerts (newest first, mark read; each cause said in the reader's language), alert
// rules (edit, send a test to the webhook, pause, resume, delete), the rules their teams share
// (subscribe, and choose their own webhook and e-mail) and the log of their webhook posts and e-mails.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Link } from "@/app/_components/link";
import { useTRPC } from "@/app/_trpc/client";
import { ColumnHeads } from "../column-heads";
import type { Formatters } from "@/server/i18n/format";
import { useFormat } from "../use-format";
import { RuleEditor } from "./rule-editor";
import { SubscriptionEditor } from "./subscription-editor";
import { sayAlertCause, type CauseWords } from "@/server/alerts/cause-words";

type AlertWords = ReturnType<typeof useTranslations<"alerts">>;

const hourOf = (hour: number) => `${String(hour).padStart(2, "0")}:00`;

/** What each column of the rules table says of a rule, in the reader's language. */
function ruleWords(t: AlertWords, format: Formatters) {
  return {
    rule: (rule: { kind: string; threshold: number | null; days: number | null; agreements: { words: string } | null }) =>
      t("rules.describe", { kind: rule.kind, threshold: rule.threshold ?? 0, days: rule.days ?? 0, words: rule.agreements?.words ?? t("rules.theFilter") }),
    /** What a rule watches: its dyad, or the agreements feed as its filter shows it. */
    target: (rule: { dyad: { key: string } | null; agreements: { href: string } | null }) =>
      rule.dyad ? { name: rule.dyad.key, href: `/dyads/${rule.dyad.key}` } : { name: t("list.agreements"), href: rule.agreements?.href ?? "/agreements" },
    email(rule: { email: boolean; emailCadence: string; digestHour: number; digestWeekday: number; timeZone: string }) {
      if (!rule.email) return t("rules.none");
      if (rule.emailCadence === "IMMEDIATE") return t("rules.emailAtOnce");
      const at = { hour: hourOf(rule.digestHour), timeZone: rule.timeZone };
      return rule.emailCadence === "WEEKLY" ? t("rules.emailWeekly", { ...at, weekday: String(rule.digestWeekday) }) : t("rules.emailDaily", at);
    },
    test: (rule: { webhookTestedAt: Date | null; webhookTestStatus: number | null; webhookTestError: string | null }) =>
      rule.webhookTestedAt ? t("rules.lastTest", { when: format.moment(rule.webhookTestedAt), outcome: rule.webhookTestError ?? t("rules.answered", { status: String(rule.webhookTestStatus) }) }) : null,
    delivery(d: { state: string; status: number | null; error: string | null; next: Date | null }) {
      if (d.state === "DELIVERED" || d.state === "SENT") return d.status ? t("deliveries.delivered", { status: String(d.status) }) : t("deliveries.sent");
      const outcome = d.state === "FAILED" ? t("deliveries.failedOutcome") : d.next ? t("deliveries.nextTry", { when: format.moment(d.next) }) : t("deliveries.waiting");
      return d.error ? t("deliveries.because", { outcome, error: d.error }) : outcome;
    },
  };
}

interface ListedProps<T> {
  state: { rows: T[] | undefined; error: { message: string } | null };
  /** The list's words: its failure, loading and empty states and its table's name. */
  words: { failed: string; loading: string; empty: string; label: string };
  columns: string[];
  /** One row per item. */
  children: (item: T) => ReactNode;
}

/** A table's loading, failed and empty states, or the table. */
function Listed<T>({ state, words, columns, children }: ListedProps<T>) {
  if (state.error) return <p className="error">{words.failed}</p>;
  if (!state.rows) return <p aria-busy="true">{words.loading}</p>;
  if (state.rows.length === 0) return <p className="empty">{words.empty}</p>;
  return (
    <table aria-label={words.label}>
      <ColumnHeads columns={columns} />
      <tbody>{state.rows.map(children)}</tbody>
    </table>
  );
}

export function AlertsPanel() {
  const t = useTranslations("alerts");
  const format = useFormat();
  const describe = ruleWords(t, format);
  const causes: CauseWords = { t: useTranslations("alerts.causes"), number: format.number };
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const alerts = useQuery(trpc.alerts.list.queryOptions());
  const rules = useQuery(trpc.alerts.rules.queryOptions());
  const deliveries = useQuery(trpc.alerts.deliveries.queryOptions());
  const channels = useQuery(trpc.alerts.channels.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
  const [delivering, setDelivering] = useState<string | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
    // The header's bell counts on the server.
    router.refresh();
  };
  const markRead = useMutation(trpc.alerts.markRead.mutationOptions({ onSuccess: refresh }));
  const pause = useMutation(trpc.alerts.pauseRule.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.alerts.deleteRule.mutationOptions({ onSuccess: refresh }));
  const test = useMutation(trpc.alerts.testWebhook.mutationOptions({ onSettled: refresh }));
  const subscribe = useMutation(trpc.alerts.subscribe.mutationOptions({ onSuccess: refresh }));
  const failed = markRead.error ?? pause.error ?? remove.error ?? test.error ?? subscribe.error;
  const edited = rules.data?.find((r) => r.id === editing);
  const subscribed = rules.data?.find((r) => r.id === delivering && r.subscribed);

  return (
    <>
      {failed && (
        <p className="error" role="alert">
          {failed.message}
        </p>
      )}
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">{alerts.data ? t("list.headingUnread", { count: alerts.data.unread }) : t("list.heading")}</h2>
        <Listed
          state={{ rows: alerts.data?.alerts, error: alerts.error }}
          words={{ failed: t("list.failed", { reason: alerts.error?.message ?? "" }), loading: t("list.loading"), empty: t("list.empty"), label: t("list.label") }}
          columns={[t("list.columns.when"), t("list.columns.dyad"), t("list.columns.what"), t("list.columns.actions")]}
        >
          {(a) => (
            <tr key={a.id} className={a.readAt ? "read" : "unread"}>
              <td>{format.moment(a.createdAt)}</td>
              <td>
                <Link href={a.link}>{a.dyad?.key ?? t("list.agreements")}</Link>
              </td>
              <td>
                {a.readAt ? "" : <strong>{t("list.new")}</strong>}
                {/* It may quote recorded titles (older alerts: their English sentence): their own direction in an Arabic page. */}
                <span dir="auto">{sayAlertCause(a, causes)}</span>
              </td>
              <td>
                {!a.readAt && (
                  <button type="button" disabled={markRead.isPending} onClick={() => markRead.mutate({ alertId: a.id })} aria-label={t("list.markReadLabel", { dyad: a.dyad?.key ?? t("list.agreements"), when: format.moment(a.createdAt) })}>
                    {t("list.markRead")}
                  </button>
                )}
              </td>
            </tr>
          )}
        </Listed>
      </section>
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t("rules.heading")}</h2>
        <Listed
          state={{ rows: rules.data, error: rules.error }}
          words={{ failed: t("rules.failed", { reason: rules.error?.message ?? "" }), loading: t("rules.loading"), empty: t("rules.empty"), label: t("rules.label") }}
          columns={(["dyad", "when", "cooldown", "lastFired", "webhook", "email", "state", "actions"] as const).map((c) => t(`rules.columns.${c}`))}
        >
          {(r) => (
            <tr key={r.id}>
              <td>
                <Link href={describe.target(r).href}>{describe.target(r).name}</Link>
              </td>
              <td>{describe.rule(r)}</td>
              <td>{t("rules.cooldown", { minutes: format.number(r.cooldownMinutes) })}</td>
              <td>{format.moment(r.lastFiredAt)}</td>
              <td>
                {r.webhookUrl ? <span dir="ltr">{r.webhookUrl}</span> : t("rules.none")}
                {describe.test(r) && <div className="meta">{describe.test(r)}</div>}
              </td>
              <td>{describe.email(r)}</td>
              <td>
                {r.paused ? t("rules.paused") : t("rules.active")}
                {r.team && (
                  <div className="meta" dir="auto">
                    {r.mine ? t("rules.sharedMine", { team: r.team.name }) : t("rules.sharedTheirs", { owner: r.user.name, team: r.team.name })}
                  </div>
                )}
              </td>
              <td>
                {r.mine ? (
                  <>
                    <button type="button" onClick={() => setEditing(r.id)} aria-label={t("rules.actionLabel", { action: t("rules.edit"), dyad: describe.target(r).name, rule: describe.rule(r) })}>
                      {t("rules.edit")}
                    </button>{" "}
                    {r.webhookUrl && (
                      <>
                        <button type="button" disabled={test.isPending} onClick={() => test.mutate({ ruleId: r.id })} aria-label={t("rules.actionLabel", { action: t("rules.sendTest"), dyad: describe.target(r).name, rule: describe.rule(r) })}>
                          {t("rules.sendTest")}
                        </button>{" "}
                      </>
                    )}
                    <button
                      type="button"
                      disabled={pause.isPending}
                      onClick={() => pause.mutate({ ruleId: r.id, paused: !r.paused })}
                      aria-label={t("rules.actionLabel", { action: r.paused ? t("rules.resume") : t("rules.pause"), dyad: describe.target(r).name, rule: describe.rule(r) })}
                    >
                      {r.paused ? t("rules.resume") : t("rules.pause")}
                    </button>{" "}
                    <button type="button" disabled={remove.isPending} onClick={() => remove.mutate({ ruleId: r.id })} aria-label={t("rules.actionLabel", { action: t("rules.delete"), dyad: describe.target(r).name, rule: describe.rule(r) })}>
                      {t("rules.delete")}
                    </button>
                  </>
                ) : (
                  <>
                    <button
                      type="button"
                      disabled={subscribe.isPending}
                      onClick={() => subscribe.mutate({ ruleId: r.id, subscribed: !r.subscribed })}
                      aria-pressed={r.subscribed}
                      aria-label={t("rules.actionLabel", { action: r.subscribed ? t("rules.unsubscribeFrom") : t("rules.subscribeTo"), dyad: describe.target(r).name, rule: describe.rule(r) })}
                    >
                      {r.subscribed ? t("rules.unsubscribe") : t("rules.subscribe")}
                    </button>
                    {r.subscribed && (
                      <>
                        {" "}
                        <button type="button" onClick={() => setDelivering(r.id)} aria-label={t("subscription.editLabel", { dyad: describe.target(r).name, rule: describe.rule(r) })}>
                          {t("subscription.edit")}
                        </button>
                      </>
                    )}
                  </>
                )}
              </td>
            </tr>
          )}
        </Listed>
      </section>
      {edited && (
        <RuleEditor
          key={`${edited.id}:${edited.version}`}
          rule={edited}
          emailEnabled={channels.data?.email ?? false}
          onDone={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
      {subscribed && (
        <SubscriptionEditor
          key={subscribed.id}
          rule={{ ...subscribed, target: describe.target(subscribed).name, owner: subscribed.user.name }}
          emailEnabled={channels.data?.email ?? false}
          onDone={() => {
            setDelivering(null);
            refresh();
          }}
        />
      )}
      <section aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">{t("deliveries.heading")}</h2>
        <Listed
          state={{ rows: deliveries.data, error: deliveries.error }}
          words={{ failed: t("deliveries.failed", { reason: deliveries.error?.message ?? "" }), loading: t("deliveries.loading"), empty: t("deliveries.empty"), label: t("deliveries.label") }}
          columns={(["when", "channel", "dyad", "alert", "attempts", "outcome"] as const).map((c) => t(`deliveries.columns.${c}`))}
        >
          {(d) => (
            <tr key={d.id}>
              <td>{format.moment(d.at)}</td>
              <td>{d.channel === "webhook" ? t("deliveries.webhook", { target: d.target }) : t("deliveries.email")}</td>
              <td>{d.dyad}</td>
              <td dir="auto">{sayAlertCause(d, causes)}</td>
              <td>{format.number(d.attempts)}</td>
              <td>{describe.delivery(d)}</td>
            </tr>
          )}
        </Listed>
      </section>
    </>
  );
}

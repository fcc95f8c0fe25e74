"use client";
// The user's alerts (newest first, mark read), alert rules (edit, send a test to the webhook,
// pause, resume, delete), the rules their teams share (subscribe) and the log of their webhook
// posts and e-mails.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Link } from "@/app/_components/link";
import { useTRPC } from "@/app/_trpc/client";
import { ColumnHeads } from "../column-heads";
import { formatMoment } from "../format";
import { RuleEditor } from "./rule-editor";

const describeRule = (rule: { kind: string; threshold: number | null; days: number | null; agreements: { words: string } | null }) => {
  switch (rule.kind) {
    case "MOVE":
      return `moves by ${rule.threshold} points within ${rule.days} days`;
    case "BAND_CHANGE":
      return "changes band";
    case "UNUSUAL":
      return "is flagged for an unusual change";
    case "EVENT_SCORE":
      return `has a new event scoring at least ±${rule.threshold}`;
    case "AGREEMENT_FILTER":
      return `a new or changed agreement matches ${rule.agreements?.words ?? "the filter"}`;
    default:
      return "a standing condition starts or ends";
  }
};

/** What a rule watches: its dyad, or the agreements feed as its filter shows it. */
const ruleTarget = (rule: { dyad: { key: string } | null; agreements: { href: string } | null }) =>
  rule.dyad ? { name: rule.dyad.key, href: `/dyads/${rule.dyad.key}` } : { name: "Agreements", href: rule.agreements?.href ?? "/agreements" };

const WEEKDAYS = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"];
const hourOf = (hour: number) => `${String(hour).padStart(2, "0")}:00`;
const describeEmail = (rule: { email: boolean; emailCadence: string; digestHour: number; digestWeekday: number; timeZone: string }) => {
  if (!rule.email) return "—";
  if (rule.emailCadence === "IMMEDIATE") return "At once";
  const when = rule.emailCadence === "WEEKLY" ? `${WEEKDAYS[rule.digestWeekday] ?? ""} at` : "Daily at";
  return `${when} ${hourOf(rule.digestHour)} (${rule.timeZone})`;
};

const describeTest = (rule: { webhookTestedAt: Date | null; webhookTestStatus: number | null; webhookTestError: string | null }) =>
  rule.webhookTestedAt ? `Last test ${formatMoment(rule.webhookTestedAt)}: ${rule.webhookTestError ?? `answered ${rule.webhookTestStatus}`}` : null;

const deliveryState = (d: { state: string; status: number | null; error: string | null; next: Date | null }) => {
  if (d.state === "DELIVERED" || d.state === "SENT") return d.status ? `Delivered (${d.status})` : "Sent";
  const why = d.error ? `: ${d.error}` : "";
  return d.state === "FAILED" ? `Failed${why}` : `Waiting${d.next ? `, next try ${formatMoment(d.next)}` : ""}${why}`;
};

interface ListedProps<T> {
  state: { rows: T[] | undefined; error: { message: string } | null };
  noun: string;
  empty: string;
  label: string;
  columns: string[];
  /** One row per item. */
  children: (item: T) => ReactNode;
}

/** A table's loading, failed and empty states, or the table. */
function Listed<T>({ state, noun, empty, label, columns, children }: ListedProps<T>) {
  if (state.error) return <p className="error">Could not load your {noun}: {state.error.message}</p>;
  if (!state.rows) return <p aria-busy="true">Loading {noun}…</p>;
  if (state.rows.length === 0) return <p className="empty">{empty}</p>;
  return (
    <table aria-label={label}>
      <ColumnHeads columns={columns} />
      <tbody>{state.rows.map(children)}</tbody>
    </table>
  );
}

export function AlertsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const alerts = useQuery(trpc.alerts.list.queryOptions());
  const rules = useQuery(trpc.alerts.rules.queryOptions());
  const deliveries = useQuery(trpc.alerts.deliveries.queryOptions());
  const channels = useQuery(trpc.alerts.channels.queryOptions());
  const [editing, setEditing] = useState<string | null>(null);
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

  return (
    <>
      {failed && (
        <p className="error" role="alert">
          {failed.message}
        </p>
      )}
      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts{alerts.data ? ` (${alerts.data.unread} unread)` : ""}</h2>
        <Listed
          state={{ rows: alerts.data?.alerts, error: alerts.error }}
          noun="alerts"
          empty="No alert yet. Set one with “Alert me” on a dyad’s page or on the agreements feed."
          label="Your alerts, newest first"
          columns={["When", "Dyad", "What happened", "Actions"]}
        >
          {(a) => (
            <tr key={a.id} className={a.readAt ? "read" : "unread"}>
              <td>{formatMoment(a.createdAt)}</td>
              <td>
                <Link href={a.link}>{a.dyad?.key ?? "Agreements"}</Link>
              </td>
              <td>
                {a.readAt ? "" : <strong>New: </strong>}
                {a.cause}
              </td>
              <td>
                {!a.readAt && (
                  <button type="button" disabled={markRead.isPending} onClick={() => markRead.mutate({ alertId: a.id })} aria-label={`Mark read: ${a.dyad?.key ?? "Agreements"}, ${formatMoment(a.createdAt)}`}>
                    Mark read
                  </button>
                )}
              </td>
            </tr>
          )}
        </Listed>
      </section>
      <section aria-labelledby="rules-heading">
        <h2 id="rules-heading">Your alert rules</h2>
        <Listed
          state={{ rows: rules.data, error: rules.error }}
          noun="rules"
          empty="No rule yet. Open a dyad’s page or the agreements feed and press “Alert me”."
          label="Your alert rules and those your teams share"
          columns={["Watching", "Alert when it…", "Cooldown", "Last fired", "Webhook", "E-mail", "State", "Actions"]}
        >
          {(r) => (
            <tr key={r.id}>
              <td>
                <Link href={ruleTarget(r).href}>{ruleTarget(r).name}</Link>
              </td>
              <td>{describeRule(r)}</td>
              <td>{r.cooldownMinutes} min</td>
              <td>{formatMoment(r.lastFiredAt)}</td>
              <td>
                {r.webhookUrl ?? "—"}
                {describeTest(r) && <div className="meta">{describeTest(r)}</div>}
              </td>
              <td>{describeEmail(r)}</td>
              <td>
                {r.paused ? "Paused" : "Active"}
                {r.team && <div className="meta">{r.mine ? `Shared with ${r.team.name}` : `${r.user.name}’s, shared with ${r.team.name}`}</div>}
              </td>
              <td>
                {r.mine ? (
                  <>
                    <button type="button" onClick={() => setEditing(r.id)} aria-label={`Edit: ${ruleTarget(r).name} ${describeRule(r)}`}>
                      Edit
                    </button>{" "}
                    {r.webhookUrl && (
                      <>
                        <button type="button" disabled={test.isPending} onClick={() => test.mutate({ ruleId: r.id })} aria-label={`Send test: ${ruleTarget(r).name} ${describeRule(r)}`}>
                          Send test
                        </button>{" "}
                      </>
                    )}
                    <button type="button" disabled={pause.isPending} onClick={() => pause.mutate({ ruleId: r.id, paused: !r.paused })} aria-label={`${r.paused ? "Resume" : "Pause"}: ${ruleTarget(r).name} ${describeRule(r)}`}>
                      {r.paused ? "Resume" : "Pause"}
                    </button>{" "}
                    <button type="button" disabled={remove.isPending} onClick={() => remove.mutate({ ruleId: r.id })} aria-label={`Delete: ${ruleTarget(r).name} ${describeRule(r)}`}>
                      Delete
                    </button>
                  </>
                ) : (
                  <button type="button" disabled={subscribe.isPending} onClick={() => subscribe.mutate({ ruleId: r.id, subscribed: !r.subscribed })} aria-pressed={r.subscribed} aria-label={`${r.subscribed ? "Unsubscribe from" : "Subscribe to"}: ${ruleTarget(r).name} ${describeRule(r)}`}>
                    {r.subscribed ? "Unsubscribe" : "Subscribe"}
                  </button>
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
      <section aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Deliveries</h2>
        <Listed
          state={{ rows: deliveries.data, error: deliveries.error }}
          noun="deliveries"
          empty="Nothing posted or mailed yet: give a rule a webhook or e-mail with Edit."
          label="Webhook posts and e-mails, newest first"
          columns={["When", "Channel", "Dyad", "Alert", "Attempts", "Outcome"]}
        >
          {(d) => (
            <tr key={d.id}>
              <td>{formatMoment(d.at)}</td>
              <td>{d.channel === "webhook" ? `Webhook ${d.target}` : "E-mail"}</td>
              <td>{d.dyad}</td>
              <td>{d.cause}</td>
              <td>{d.attempts}</td>
              <td>{deliveryState(d)}</td>
            </tr>
          )}
        </Listed>
      </section>
    </>
  );
}

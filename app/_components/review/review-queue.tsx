"use client";
// The review queue's rows and the auto-accept rules, for admins: Accept, "Edit then accept" (the
// event form, prefilled), Reject with a reason; a decision someone else made first is shown on
// the row, and the page's server data is rendered again after each decision.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Link } from "@/app/_components/link";
import { useTRPC } from "@/app/_trpc/client";
import { autoAcceptRuleInput, rejectInput } from "@/server/review/schemas";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, useRefreshingMutation, useSchemaForm } from "../forms/schema-form";
import { SourceLinks } from "./source-links";
import { ColumnHeads } from "../column-heads";
import { useFormat } from "../use-format";
import { usePlaces } from "../use-places";

export interface QueueItem {
  id: string;
  dyad: { key: string; label: string };
  day: string;
  actor: { code: string; name: string };
  target: { code: string; name: string };
  cameo: { code: string; label: string };
  score: number | null;
  reports: number;
  sources: number;
  tone: number;
  links: { url: string; host: string }[];
}


function ClusterRow({ item }: { item: QueueItem }) {
  const t = useTranslations("review.clusters");
  const places = usePlaces();
  const format = useFormat();
  const signed = (x: number, digits: number) => format.number(x, { signDisplay: "exceptZero", minimumFractionDigits: digits, maximumFractionDigits: digits });
  const trpc = useTRPC();
  const [actor, target] = [places.country(item.actor), places.country(item.target)];
  // Several clusters can share dyad and day (one per event root code): the code tells them apart.
  const what = t("what", { actor, target, day: item.day, type: item.cameo.label });
  // The row's one form, the rejection: its top message also reports Accept's refusal (a conflict).
  const form = useSchemaForm(rejectInput, { defaultValues: { clusterId: item.id, reason: "" }, ...CHECK_ON_SUBMIT });
  const options = useRefreshingMutation(form);
  const accept = useMutation(trpc.review.accept.mutationOptions(options));
  const reject = useMutation(trpc.review.reject.mutationOptions(options));
  const busy = accept.isPending || reject.isPending;

  return (
    <tr>
      <td>{places.dyadOfKey(item.dyad.key, item.dyad.label)}</td>
      <td>{item.day}</td>
      <td>
        {actor} → {target}
      </td>
      <td>{t("cameo", { label: item.cameo.label })}</td>
      <td>{item.score === null ? "—" : signed(item.score, 2)}</td>
      <td>{item.reports}</td>
      <td>
        {item.sources}
        <SourceLinks links={item.links} className="links" />
      </td>
      <td>{signed(item.tone, 1)}</td>
      <td>
        <div className="actions">
          <button type="button" disabled={busy} onClick={() => accept.mutate({ clusterId: item.id })} aria-label={t("acceptLabel", { what })}>
            {accept.isPending ? t("accepting") : t("accept")}
          </button>
          <Link href={`/admin/events/new?${new URLSearchParams({ cluster: item.id }).toString()}`} aria-label={t("editThenAcceptLabel", { what })}>
            {t("editThenAccept")}
          </Link>
        </div>
        <form className="inline-form" noValidate aria-label={t("rejectForm", { what })} onSubmit={form.handleSubmit((data) => reject.mutate(data))}>
          <Field form={form} name="reason" label={t("reason")}>
            {(props) => <input {...props} maxLength={1000} />}
          </Field>
          <SubmitButton busy={busy}>
            {reject.isPending ? t("rejecting") : t("reject")}
          </SubmitButton>
        </form>
        <FormMessage form={form} hidden="clusterId" />
      </td>
    </tr>
  );
}

const COLUMNS = ["dyad", "day", "actorTarget", "type", "score", "reports", "sources", "tone", "decision"] as const;

export function ReviewQueue({ items }: { items: QueueItem[] }) {
  const t = useTranslations("review.clusters");
  return (
    <div className="table-scroll">
      <table className="table review-queue">
        <caption>{t("caption")}</caption>
        <ColumnHeads columns={COLUMNS.map((c) => t(`columns.${c}`))} />
        <tbody>
          {items.map((item) => (
            <ClusterRow key={item.id} item={item} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface RuleRow {
  dyad: string;
  label: string;
  enabled: boolean;
  minSources: number;
  minGoldstein: number;
  version?: number;
}

const asNumber = (v: string) => (v === "" ? Number.NaN : Number(v));

function RuleForm({ rule }: { rule: RuleRow }) {
  const t = useTranslations("review.rules");
  const trpc = useTRPC();
  const form = useSchemaForm(autoAcceptRuleInput, {
    defaultValues: { dyad: rule.dyad, enabled: rule.enabled, minSources: rule.minSources, minGoldstein: rule.minGoldstein, version: rule.version },
    ...CHECK_ON_SUBMIT,
  });
  const options = useRefreshingMutation(form);
  const save = useMutation(trpc.review.setRule.mutationOptions(options));
  // The page renders again with the saved version: the next save goes over it.
  const submit = form.handleSubmit((data) => save.mutate({ ...data, version: rule.version }));
  return (
    <form className="inline-form" noValidate aria-label={t("form", { dyad: rule.label })} onSubmit={submit}>
      <strong>{rule.label}</strong>
      <Field form={form} name="enabled" label={t("enabled")}>
        {(props) => <input {...props} type="checkbox" />}
      </Field>
      <Field form={form} name="minSources" label={t("minSources")} setValueAs={asNumber}>
        {(props) => <input {...props} inputMode="numeric" size={4} />}
      </Field>
      <Field form={form} name="minGoldstein" label={t("minGoldstein")} setValueAs={asNumber}>
        {(props) => <input {...props} inputMode="decimal" size={4} />}
      </Field>
      <SubmitButton busy={save.isPending}>
        {save.isPending ? t("saving") : t("save", { dyad: rule.label })}
      </SubmitButton>
      <FormMessage form={form} hidden="dyad" />
    </form>
  );
}

export function AutoAcceptRules({ rules }: { rules: RuleRow[] }) {
  return (
    <ul className="rules">
      {rules.map((rule) => (
        <li key={`${rule.dyad}-${rule.version ?? 0}`}>
          <RuleForm rule={rule} />
        </li>
      ))}
    </ul>
  );
}

"use client";
// The one filter bar, on the dashboard and on /agreements. Its state is the address: the form is
// a plain GET form to the page (it works before hydration; proxy.ts drops its blank fields), its
// controls are named as the URL's parameters, and applying it checks the query it would send with
// the same strict reader the API uses (server/scope/url.ts), then navigates to the canonical
// address the page reads back.
import { useTranslations } from "next-intl";
import { Link } from "../link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { agreementFiltersToSearchParams, parseAgreementFilters } from "@/server/agreements/filters";
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, SCOPE_LIMITS } from "@/server/scope/schemas";
import { PANELS, type Panel } from "@/server/views/state";
import { dashboardHref, parseViewState } from "@/server/views/url";
import { DayInput } from "../forms/day-input";
import { ariaFor, FieldMessage } from "../forms/form-fields";
import { useAgreementWords } from "../feed/use-agreement-words";
import { ScopeNotice } from "./scope-notice";

/** The filters on screen, as the page read them from its address. */
export interface FilterValues {
  dyads: string[];
  from: string | null;
  to: string | null;
  q: string;
  statuses: string[];
  sectors: string[];
  /** The feed's own filters. */
  kinds?: string[];
  party?: string;
  /** The dashboard's panels, and the map viewport its address keeps. */
  panels?: Panel[];
  map?: { lat: number; lon: number; zoom: number } | null;
}

interface Props {
  /** Whose filters: the dashboard's view state, or the agreements feed's. */
  scope: "dashboard" | "agreements";
  /** The page the form filters ("/", "/agreements"). */
  action: string;
  values: FilterValues;
  dyads: { key: string; label: string }[];
  sectors: string[];
  /** URL parameters the page could not use, to say so. */
  ignored: string[];
  /** The same page without filters. */
  clearHref: string;
  /** The saved view the dashboard was opened from, kept in its address. */
  viewId?: string;
}

type Problem = { param: string; message: string };
type Checked = { ok: true; href: string } | { ok: false; problems: Problem[] };

function check(scope: Props["scope"], action: string, params: URLSearchParams, viewId: string | undefined): Checked {
  if (scope === "dashboard") {
    const parsed = parseViewState(params);
    return parsed.ok ? { ok: true, href: dashboardHref(parsed.value, viewId) } : parsed;
  }
  const parsed = parseAgreementFilters(params);
  if (!parsed.ok) return parsed;
  const query = agreementFiltersToSearchParams(parsed.filters).toString();
  return { ok: true, href: query ? `${action}?${query}` : action };
}

function Checkboxes({ legend, name, options, checked, problems }: { legend: string; name: string; options: { value: string; label: string }[]; checked: readonly string[]; problems: Problem[] }) {
  const message = problems.find((p) => p.param === name)?.message;
  return (
    <fieldset className="checkboxes" aria-describedby={message ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
        </label>
      ))}
      <FieldMessage id={`${name}-error`} message={message} />
    </fieldset>
  );
}

function TextField({ label, name, problems, children }: { label: string; name: string; problems: Problem[]; children: (aria: ReturnType<typeof ariaFor>) => ReactNode }) {
  const errors = Object.fromEntries(problems.map((p) => [p.param, { message: p.message }]));
  return (
    <div className="field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      {children(ariaFor(errors, name))}
      <FieldMessage id={`${name}-error`} message={problems.find((p) => p.param === name)?.message} />
    </div>
  );
}

export function FilterBar({ scope, action, values, dyads, sectors, ignored, clearHref, viewId }: Props) {
  const t = useTranslations("filters");
  const router = useRouter();
  const words = useAgreementWords();
  const feedWords = useTranslations("agreements.filters");
  const [pending, startTransition] = useTransition();
  const [problems, setProblems] = useState<Problem[]>([]);
  const { panels, map } = values;
  const feed = scope === "agreements";
  const inMore = [values.statuses, values.sectors, values.kinds ?? [], values.party ? [values.party] : []].filter((v) => v.length > 0).length;
  const hidesPanels = panels !== undefined && panels.length < PANELS.length;
  const filtered = values.dyads.length > 0 || Boolean(values.from || values.to || values.q) || inMore > 0;
  // A sector named in the URL stays visible (and can be unticked) even if no agreement has it now.
  const sectorOptions = [...new Set([...sectors, ...values.sectors])].map((s) => ({ value: s, label: words.sector(s) }));
  const unplaced = problems.filter((p) => !["dyads", "from", "to", "q", "statuses", "kinds", "sectors", "party", "panels"].includes(p.param));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim()) params.append(name, value.trim());
    }
    const checked = check(scope, action, params, viewId);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems([]);
    startTransition(() => router.push(checked.href, { scroll: false }));
  }

  return (
    <search className="filter-scope">
      {/* Keyed by the values, so that "Clear filters", a saved view or a back navigation resets every field. */}
      <form key={JSON.stringify(values)} method="get" action={action} className="filter-bar" aria-label={t("label")} onSubmit={onSubmit} noValidate>
        <Checkboxes legend={t("dyads")} name="dyads" options={dyads.map((d) => ({ value: d.key, label: d.label }))} checked={values.dyads} problems={problems} />
        <TextField label={t("from")} name="from" problems={problems}>
          {(aria) => <DayInput {...aria} id="filter-from" name="from" defaultValue={values.from ?? ""} />}
        </TextField>
        <TextField label={t("to")} name="to" problems={problems}>
          {(aria) => <DayInput {...aria} id="filter-to" name="to" defaultValue={values.to ?? ""} />}
        </TextField>
        <TextField label={t("search")} name="q" problems={problems}>
          {(aria) => (
            <input
              {...aria}
              id="filter-q"
              type="search"
              name="q"
              maxLength={SCOPE_LIMITS.search}
              defaultValue={values.q}
              placeholder={t("searchHint")}
            />
          )}
        </TextField>
        <details className="more-filters" open={inMore > 0 || hidesPanels}>
          <summary>
            {panels ? t("moreAndPanels") : t("more")}
            {inMore > 0 ? ` ${t("setCount", { count: inMore })}` : ""}
          </summary>
          <Checkboxes legend={t("statuses")} name="statuses" options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: words.status(s) }))} checked={values.statuses} problems={problems} />
          {feed && (
            <Checkboxes legend={feedWords("kind")} name="kinds" options={AGREEMENT_KINDS.map((k) => ({ value: k, label: words.kind(k) }))} checked={values.kinds ?? []} problems={problems} />
          )}
          {sectorOptions.length > 0 && <Checkboxes legend={t("sectors")} name="sectors" options={sectorOptions} checked={values.sectors} problems={problems} />}
          {feed && (
            <TextField label={feedWords("party")} name="party" problems={problems}>
              {(aria) => <input {...aria} id="filter-party" name="party" defaultValue={values.party ?? ""} maxLength={SCOPE_LIMITS.party} placeholder={feedWords("partyPlaceholder")} />}
            </TextField>
          )}
          {panels && (
            <Checkboxes legend={t("panels")} name="panels" options={PANELS.map((p) => ({ value: p, label: t(`panel.${p}`) }))} checked={panels} problems={problems} />
          )}
        </details>
        {/* Kept as they are: the map's viewport and the saved view the dashboard came from. */}
        {map && (
          <>
            <input type="hidden" name="mapLat" value={map.lat} />
            <input type="hidden" name="mapLon" value={map.lon} />
            <input type="hidden" name="mapZoom" value={map.zoom} />
          </>
        )}
        {viewId && <input type="hidden" name="view" value={viewId} />}
        <div className="actions">
          <button type="submit" disabled={pending}>
            {pending ? t("applying") : t("apply")}
          </button>
          {filtered && <Link href={clearHref}>{t("clear")}</Link>}
        </div>
        <ScopeNotice ignored={ignored} />
        {unplaced.length > 0 && (
          <ul className="error" role="alert" aria-label={t("problems")}>
            {unplaced.map((p) => (
              <li key={`${p.param}: ${p.message}`}>
                {p.param}: {p.message}
              </li>
            ))}
          </ul>
        )}
      </form>
    </search>
  );
}

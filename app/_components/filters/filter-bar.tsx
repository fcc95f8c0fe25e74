"use client";
// The dashboard's filters. Their state lives in the URL only: applying them navigates, and the
// page reads them back through savedViewState, so a bookmark or a saved view restores them.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { PANELS, savedViewState, type Panel, type ViewState } from "@/server/views/state";
import { humanize } from "../format";
import { dashboardHref } from "@/server/views/url";
import { Field, FormMessage } from "../forms/field";
import { noErrors, validate, type FormErrors } from "../forms/errors";

export interface DyadOption {
  key: string;
  title: string;
}

const STATUSES = ["ANTICIPATED", "SIGNED", "RATIFIED", "IN_FORCE", "SUSPENDED", "EXPIRED", "TERMINATED"] as const;
const PANEL_LABELS: Record<Panel, string> = { relations: "Indicators", map: "Map", agreements: "Agreements" };

export function FilterBar({ dyads, sectors = [], state, viewId }: { dyads: DyadOption[]; sectors?: string[]; state: ViewState; viewId?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const date = (name: string) => String(form.get(name) ?? "") || null;
    const checked = validate(savedViewState, {
      ...state,
      dyads: form.getAll("dyads").map(String),
      from: date("from"),
      to: date("to"),
      q: String(form.get("q") ?? ""),
      sectors: form.getAll("sectors").map(String),
      statuses: form.getAll("statuses").map(String),
      panels: form.getAll("panels").map(String),
    });
    if (checked.errors) return setErrors(checked.errors);
    setErrors(noErrors);
    router.push(dashboardHref(checked.data, viewId));
  }

  return (
    // Keyed by the state, so moving to another URL (a saved view, "Clear") resets the inputs.
    <form key={dashboardHref(state)} className="filter-bar" aria-label="Filters" onSubmit={apply} noValidate>
      <fieldset>
        <legend>Dyads</legend>
        {dyads.map((dyad) => (
          <label key={dyad.key} className="check">
            <input type="checkbox" name="dyads" value={dyad.key} defaultChecked={state.dyads.includes(dyad.key)} /> {dyad.title}
          </label>
        ))}
        {errors.fields.dyads && <p className="error field-error">{errors.fields.dyads[0]}</p>}
      </fieldset>
      <Field label="From" errors={errors.fields.from}>
        {(props) => <input {...props} type="date" name="from" defaultValue={state.from ?? ""} />}
      </Field>
      <Field label="To" errors={errors.fields.to}>
        {(props) => <input {...props} type="date" name="to" defaultValue={state.to ?? ""} />}
      </Field>
      <Field label="Search agreements" errors={errors.fields.q}>
        {(props) => <input {...props} type="search" name="q" maxLength={200} defaultValue={state.q} placeholder="e.g. security action plan" />}
      </Field>
      <details className="more-filters" open={state.sectors.length + state.statuses.length > 0 || state.panels.length < PANELS.length}>
        <summary>More filters and panels</summary>
        <fieldset>
          <legend>Agreement status</legend>
          {STATUSES.map((status) => (
            <label key={status} className="check">
              <input type="checkbox" name="statuses" value={status} defaultChecked={state.statuses.includes(status)} /> {humanize(status)}
            </label>
          ))}
        </fieldset>
        {sectors.length > 0 && (
          <fieldset>
            <legend>Sectors</legend>
            {sectors.slice(0, 30).map((sector) => (
              <label key={sector} className="check">
                <input type="checkbox" name="sectors" value={sector} defaultChecked={state.sectors.includes(sector)} /> {sector}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>Panels shown</legend>
          {PANELS.map((panel) => (
            <label key={panel} className="check">
              <input type="checkbox" name="panels" value={panel} defaultChecked={state.panels.includes(panel)} /> {PANEL_LABELS[panel]}
            </label>
          ))}
          {errors.fields.panels && <p className="error field-error">{errors.fields.panels[0]}</p>}
        </fieldset>
      </details>
      <FormMessage errors={errors} />
      <div className="actions">
        <button type="submit">Apply filters</button>
        <button type="button" onClick={() => router.push(dashboardHref({ ...state, dyads: [], from: null, to: null, q: "", sectors: [], statuses: [] }, viewId))}>
          Clear
        </button>
      </div>
    </form>
  );
}

"use client";
// The dashboard's filters. Their state lives in the URL only: applying them navigates, and the
// page reads them back through savedViewState, so a bookmark or a saved view restores them.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { savedViewState, type ViewState } from "@/server/views/state";
import { dashboardHref } from "@/server/views/url";
import { Field, FormMessage } from "../forms/field";
import { noErrors, validate, type FormErrors } from "../forms/errors";

export interface DyadOption {
  key: string;
  title: string;
}

export function FilterBar({ dyads, state, viewId }: { dyads: DyadOption[]; state: ViewState; viewId?: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const date = (name: string) => String(form.get(name) ?? "") || null;
    const checked = validate(savedViewState, { ...state, dyads: form.getAll("dyads").map(String), from: date("from"), to: date("to") });
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
      <FormMessage errors={errors} />
      <div className="actions">
        <button type="submit">Apply filters</button>
        <button type="button" onClick={() => router.push(dashboardHref({ ...state, dyads: [], from: null, to: null }, viewId))}>
          Clear
        </button>
      </div>
    </form>
  );
}

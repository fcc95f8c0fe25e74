"use client";
// "Save view": names the dashboard's current state and shares it with "Only me" or a team.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { saveViewForm } from "@/server/views/schemas";
import type { ViewState } from "@/server/views/state";
import { dashboardHref, viewStateFromSearchParams } from "@/server/views/url";
import { Field, FormMessage } from "../forms/field";
import { errorsFrom, noErrors, validate, type FormErrors } from "../forms/errors";

export function SaveViewDialog({ state, teams }: { state: ViewState; teams: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const create = useMutation(trpc.views.create.mutationOptions());

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const checked = validate(saveViewForm, { name: form.get("name"), teamId: String(form.get("teamId") ?? "") || null });
    if (checked.errors) return setErrors(checked.errors);
    try {
      // The address bar is the truth: the map writes its viewport there without a page load.
      const current = typeof window === "undefined" ? state : viewStateFromSearchParams(new URLSearchParams(window.location.search));
      const view = await create.mutateAsync({ ...checked.data, state: current });
      dialog.current?.close();
      router.push(dashboardHref(view.state, view.id));
    } catch (e) {
      setErrors(errorsFrom(e));
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setErrors(noErrors);
          dialog.current?.showModal();
        }}
      >
        Save view
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="panel">
        <form onSubmit={save} className="form" noValidate>
          <h2 id={titleId}>Save this view</h2>
          <Field label="Name" errors={errors.fields.name}>
            {(props) => <input {...props} name="name" maxLength={80} required />}
          </Field>
          <Field label="Share with" errors={errors.fields.teamId}>
            {(props) => (
              <select {...props} name="teamId" defaultValue="">
                <option value="">Only me</option>
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <FormMessage errors={errors} />
          <div className="actions">
            <button type="submit" disabled={create.isPending}>
              Save
            </button>
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

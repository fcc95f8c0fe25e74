"use client";
// The admin's form for a standing condition (relations severed, an ambassador withdrawn, a route
// closed, a partnership in force): the same schema as the API, errors back on their fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useTRPC } from "@/app/_trpc/client";
import { conditionInput } from "@/server/conditions/schemas";
import { CONDITION_KINDS, DATE_PRECISIONS, METHOD, VERIFICATIONS } from "@/server/relations/params";
import { humanize } from "../format";
import { CountryOptions, DyadOptions, EnumOptions } from "./options";
import { ariaFor, messageAt, showServerErrors, useUnsavedChangesWarning } from "./record-form";

type FormValues = z.input<typeof conditionInput>;
type Parsed = z.output<typeof conditionInput>;

const today = () => new Date().toISOString().slice(0, 10);

export interface ConditionFormOptions {
  dyads: { key: string; a: { code: string; name: string }; b: { code: string; name: string } }[];
}

export function ConditionForm({ options }: { options: ConditionFormOptions }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, control } = useForm<FormValues, unknown, Parsed>({
    resolver: zodResolver(conditionInput),
    defaultValues: {
      dyad: options.dyads[0]?.key ?? "",
      kind: "AMBASSADOR_WITHDRAWN",
      title: "",
      startDate: today(),
      startPrecision: "DAY",
      verification: "CONFIRMED",
      sources: [],
    },
  });
  const watched = useWatch({ control });
  const dyad = options.dyads.find((d) => d.key === watched.dyad);

  useUnsavedChangesWarning(formState);

  const create = useMutation(
    trpc.conditions.create.mutationOptions({
      onSuccess: () => {
        router.push(`/dyads/${watched.dyad ?? ""}`);
        router.refresh();
      },
      onError: (error) => setFormError(showServerErrors(error, setError)),
    }),
  );

  const err = (name: keyof FormValues) => {
    const message = messageAt(formState.errors, name);
    return message ? (
      <p className="error field-error" id={`${name}-error`}>
        {message}
      </p>
    ) : null;
  };
  const aria = (name: keyof FormValues) => ariaFor(formState.errors, name);

  return (
    <form className="record-form" aria-label="New condition" noValidate onSubmit={handleSubmit((data) => create.mutate(data))}>
      {formError && (
        <p className="error" role="alert">
          {formError}
        </p>
      )}
      <div className="field-row">
        <div className="field">
          <label htmlFor="dyad">Dyad</label>
          <select id="dyad" {...register("dyad")} {...aria("dyad")}>
            <DyadOptions dyads={options.dyads} />
          </select>
          {err("dyad")}
        </div>
        <div className="field">
          <label htmlFor="kind">Kind</label>
          <select id="kind" {...register("kind")}>
            {CONDITION_KINDS.map((k) => (
              <option key={k} value={k}>
                {humanize(k)} ({METHOD.conditionPoints[k] > 0 ? "+" : ""}
                {METHOD.conditionPoints[k]} points)
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="holder">Holding side</label>
          <select id="holder" {...register("holder", { setValueAs: (v: string) => v || undefined })} {...aria("holder")}>
            <option value="">Both</option>
            {dyad && <CountryOptions countries={[dyad.a, dyad.b]} />}
          </select>
          {err("holder")}
        </div>
      </div>
      <div className="field">
        <label htmlFor="title">Title</label>
        <input id="title" {...register("title")} {...aria("title")} maxLength={220} />
        {err("title")}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="startDate">In force from</label>
          <input id="startDate" type="date" {...register("startDate")} {...aria("startDate")} />
          {err("startDate")}
        </div>
        <div className="field">
          <label htmlFor="startPrecision">Start precision</label>
          <select id="startPrecision" {...register("startPrecision")}>
            <EnumOptions values={DATE_PRECISIONS} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="endDate">Ended on (leave empty while in force)</label>
          <input id="endDate" type="date" {...register("endDate", { setValueAs: (v: string) => v || undefined })} {...aria("endDate")} />
          {err("endDate")}
        </div>
        <div className="field">
          <label htmlFor="endPrecision">End precision</label>
          <select id="endPrecision" {...register("endPrecision", { setValueAs: (v: string) => v || undefined })} {...aria("endPrecision")}>
            <option value="">—</option>
            <EnumOptions values={DATE_PRECISIONS} />
          </select>
          {err("endPrecision")}
        </div>
      </div>
      <div className="field">
        <label htmlFor="verification">Verification</label>
        <select id="verification" {...register("verification")}>
          <EnumOptions values={VERIFICATIONS} />
        </select>
      </div>
      <div className="actions">
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? "Saving…" : "Record condition"}
        </button>{" "}
        <Link href="/admin">Cancel</Link>
      </div>
    </form>
  );
}

"use client";
// The agreements filter bar. Its state is the URL: submitting it navigates to the same page
// with the filters as query parameters (a plain GET form without JavaScript), checked first
// by the same schema the server applies.
import { Link } from "@/app/_components/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { parseAgreementFilters, agreementFiltersToSearchParams } from "@/server/agreements/filters";
import { AGREEMENT_FILTER_LIMITS, type AgreementFilters } from "@/server/agreements/schemas";
import { AgreementKind, AgreementStatus } from "@/server/generated/prisma/enums";
import { agreementKindLabel, humanize } from "../format";

interface Props {
  /** The page the form filters ("/", "/agreements"). */
  action: string;
  filters: AgreementFilters;
  dyads: { key: string; label: string }[];
  sectors: string[];
  /** URL parameters the page could not use, to say so. */
  ignored: string[];
}

function Checkboxes({ legend, name, options, checked }: { legend: string; name: string; options: { value: string; label: string }[]; checked: string[] | undefined }) {
  return (
    <fieldset className="checkboxes">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked?.includes(o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function AgreementFilterBar({ action, filters, dyads, sectors, ignored }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [problems, setProblems] = useState<string[]>([]);
  const query = agreementFiltersToSearchParams(filters).toString();
  const moreSet = [filters.dyads, filters.statuses, filters.kinds, filters.sectors, filters.party, filters.from, filters.to].filter(
    (v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)),
  ).length;
  // A sector named in the URL stays visible (and can be unticked) even if no agreement has it now.
  const sectorOptions = [...new Set([...sectors, ...(filters.sectors ?? [])])].map((s) => ({ value: s, label: s }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim()) params.append(name, value.trim());
    }
    const parsed = parseAgreementFilters(params);
    if (!parsed.ok) {
      setProblems(parsed.problems.map((p) => `${p.param}: ${p.message}`));
      return;
    }
    setProblems([]);
    const next = agreementFiltersToSearchParams(parsed.filters).toString();
    startTransition(() => router.push(next ? `${action}?${next}` : action, { scroll: false }));
  }

  return (
    <search aria-label="Filter agreements" className="filter-bar">
      {/* Keyed by the URL so that "Clear filters" or a back navigation resets every field. */}
      <form key={query} method="get" action={action} onSubmit={onSubmit}>
        <div className="filter-row">
          <label className="grow">
            <span>Search</span>
            <input
              type="search"
              name="q"
              defaultValue={filters.q ?? ""}
              maxLength={AGREEMENT_FILTER_LIMITS.search}
              placeholder='e.g. security action plan, "high-speed", loan -AFD'
            />
          </label>
          <button type="submit" disabled={pending}>
            {pending ? "Applying…" : "Apply"}
          </button>
          {query && <Link href={action}>Clear filters</Link>}
        </div>
        <details open={moreSet > 0}>
          <summary>More filters{moreSet > 0 ? ` (${moreSet} set)` : ""}</summary>
          <div className="filter-grid">
            <Checkboxes legend="Pair" name="dyad" options={dyads.map((d) => ({ value: d.key, label: d.label }))} checked={filters.dyads} />
            <Checkboxes legend="Status" name="status" options={Object.values(AgreementStatus).map((s) => ({ value: s, label: humanize(s) }))} checked={filters.statuses} />
            <Checkboxes legend="Kind" name="kind" options={Object.values(AgreementKind).map((k) => ({ value: k, label: agreementKindLabel(k) }))} checked={filters.kinds} />
            <Checkboxes legend="Sector" name="sector" options={sectorOptions} checked={filters.sectors} />
            <div className="filter-fields">
              <label>
                <span>Party</span>
                <input name="party" defaultValue={filters.party ?? ""} maxLength={AGREEMENT_FILTER_LIMITS.party} placeholder="AFD, Alstom or a country code (MAR)" />
              </label>
              <label>
                <span>Signed from</span>
                <input type="date" name="from" defaultValue={filters.from ?? ""} />
              </label>
              <label>
                <span>to</span>
                <input type="date" name="to" defaultValue={filters.to ?? ""} />
              </label>
            </div>
          </div>
        </details>
        {ignored.length > 0 && (
          <output className="notice">Some filters in the address were not understood and were left out: {ignored.join(", ")}.</output>
        )}
        {problems.length > 0 && (
          <ul className="error" role="alert" aria-label="Filter problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </form>
    </search>
  );
}

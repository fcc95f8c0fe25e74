"use client";
// One agreement in a feed: what was signed, by whom, when, for how much, where it stands, and
// where the claim comes from. Titles, names and sources are the records' own words (dir="auto").
import { useTranslations } from "next-intl";
import { Link } from "@/app/_components/link";
import type { AgreementListItem } from "@/server/agreements/service";
import { StatusBadge } from "./status-badge";
import { useAgreementWords } from "./use-agreement-words";

export function AgreementCard({ agreement: a }: { agreement: AgreementListItem }) {
  const t = useTranslations("agreements.card");
  const words = useAgreementWords();
  const source = a.sources[0];
  return (
    <li className="card">
      <h3 dir="auto">
        <Link href={`/agreements/${a.id}`}>{a.title}</Link>
      </h3>
      <p className="meta">
        {words.kind(a.kind)} · {words.format.period(a.date, a.datePrecision)} · <StatusBadge status={a.status} label={words.status(a.status)} />
      </p>
      <p className="meta">
        {t("parties")} <bdi>{a.parties.map((p) => p.name).join(", ")}</bdi>
      </p>
      {a.amounts.length > 0 && (
        <p className="meta">
          {a.amounts.map((m, i) => (
            <span key={i}>
              {i > 0 && " · "}
              {words.money(m)} (<bdi>{m.label}</bdi>)
            </span>
          ))}
        </p>
      )}
      <ul className="tags" aria-label={t("sectors")}>
        {a.sectors.map((s) => (
          <li key={s} dir="auto">
            {words.sector(s)}
          </li>
        ))}
      </ul>
      {source && (
        <p className="meta">
          {t("source")}{" "}
          <a href={source.url} rel="noopener noreferrer" target="_blank" dir="auto">
            {source.publisher}
          </a>
        </p>
      )}
    </li>
  );
}

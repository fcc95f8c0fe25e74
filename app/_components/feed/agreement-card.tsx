// One agreement in a feed: what was signed, by whom, when, for how much, where it stands, and
// where the claim comes from.
import { Link } from "@/app/_components/link";
import type { AgreementListItem } from "@/server/agreements/service";
import { agreementKindLabel, formatDate, formatMoney, humanize } from "../format";

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{humanize(status)}</span>;
}

export function AgreementCard({ agreement: a }: { agreement: AgreementListItem }) {
  const source = a.sources[0];
  return (
    <li className="card">
      <h3>
        <Link href={`/agreements/${a.id}`}>{a.title}</Link>
      </h3>
      <p className="meta">
        {agreementKindLabel(a.kind)} · {formatDate(a.date, a.datePrecision)} · <StatusBadge status={a.status} />
      </p>
      <p className="meta">Parties: {a.parties.map((p) => p.name).join(", ")}</p>
      {a.amounts.length > 0 && (
        <p className="meta">
          {a.amounts.map((m) => `${formatMoney(m.amount, m.currency, m.approximate)} (${m.label})`).join(" · ")}
        </p>
      )}
      <ul className="tags" aria-label="Sectors">
        {a.sectors.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {source && (
        <p className="meta">
          Source:{" "}
          <a href={source.url} rel="noopener noreferrer" target="_blank">
            {source.publisher}
          </a>
        </p>
      )}
    </li>
  );
}

// Option lists shared by the admin record forms.
import { dyadTitle, humanize } from "../format";

interface Country {
  code: string;
  name: string;
}

/** A tracked dyad per option, named as everywhere else in the app ("France – Algeria"). */
export function DyadOptions({ dyads }: { dyads: { key: string; a: Country; b: Country }[] }) {
  return dyads.map((d) => (
    <option key={d.key} value={d.key}>
      {dyadTitle(d)}
    </option>
  ));
}

/** The countries of a dyad, by name, valued by ISO code. */
export function CountryOptions({ countries }: { countries: Country[] }) {
  return countries.map((c) => (
    <option key={c.code} value={c.code}>
      {c.name}
    </option>
  ));
}

/** One option per enum value, labelled in words ("IN_FORCE" → "In force"). */
export function EnumOptions({ values }: { values: readonly string[] }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {humanize(value)}
    </option>
  ));
}

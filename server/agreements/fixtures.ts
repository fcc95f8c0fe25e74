// A valid agreement as an admin would enter it, for the tests of the form's rules and writes.
export const agreementFixture = {
  title: "Memorandum on rail maintenance training",
  kind: "MOU",
  status: "SIGNED",
  date: "2025-05-12",
  datePrecision: "DAY",
  dyad: "FRA-MAR",
  sectors: ["rail", "training"],
  parties: [
    { name: "ONCF", kind: "PUBLIC_BODY", country: "MAR" },
    { name: "SNCF", kind: "COMPANY", country: "FRA" },
  ],
  signatories: [{ name: "A. Director", role: "Director General", onBehalfOf: "ONCF" }],
  amounts: [{ amount: "25000000", currency: "eur", label: "training budget" }],
  sources: [{ publisher: "Example Wire", title: "Rail training deal", url: "https://example.org/rail" }],
};

// How agreement vocabulary reads in the UI and in the exports (Atom entries, CSV headers).

/** "FRAMEWORK_AGREEMENT" → "Framework agreement". */
export function humanize(value: string): string {
  const words = value.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const AGREEMENT_KIND_LABELS: Record<string, string> = {
  ACTION_PLAN: "Action plan",
  PROTOCOL: "Protocol",
  FRAMEWORK_AGREEMENT: "Framework agreement",
  DECLARATION_OF_INTENT: "Declaration of intent",
  JOINT_DECLARATION: "Joint declaration",
  LOAN: "Loan",
  TREATY: "Treaty",
  MOU: "Memorandum of understanding",
};

export function agreementKindLabel(kind: string): string {
  return AGREEMENT_KIND_LABELS[kind] ?? humanize(kind);
}

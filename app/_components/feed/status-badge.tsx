// An agreement's status: its colour from the machine code, its word from the reader's language.
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`badge badge-${status.toLowerCase()}`}>{label}</span>;
}

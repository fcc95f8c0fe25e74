"use client";
// A minimal from–to control for the dashboard until the shared filter bar takes the range over.
import { useState, type FormEvent } from "react";

export function DateRangeControl({ from, to, onChange }: { from: string; to: string; onChange: (range: { from: string; to: string }) => void }) {
  // Drafts start from the URL and follow it when it changes (back, forward, a shared link).
  const [draft, setDraft] = useState({ from, to, source: `${from}/${to}` });
  if (draft.source !== `${from}/${to}`) setDraft({ from, to, source: `${from}/${to}` });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to) onChange({ from: draft.from, to: draft.to });
  };
  return (
    <form className="date-range" aria-label="Date range" onSubmit={submit}>
      <label>
        From <input type="date" name="from" value={draft.from} max={draft.to} required onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
      </label>
      <label>
        To <input type="date" name="to" value={draft.to} min={draft.from} required onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      </label>
      <button type="submit">Apply</button>
    </form>
  );
}

// The notes beside a record or a dyad's chart: mine and my teams', then the form for a new one.
import type { AnalystNote } from "@/server/notes/service";
import type { NoteTarget } from "@/server/notes/schemas";
import { NewNoteForm, type TeamOption } from "./note-form";
import { NoteList } from "./note-list";

export function NotesPanel({
  notes,
  teams,
  on,
  about,
  empty = `No note on ${about} yet.`,
  showSubject = false,
}: {
  notes: AnalystNote[];
  teams: TeamOption[];
  /** What a new note is about; a day note starts on this day and may be moved. */
  on: NoteTarget;
  /** "this event", "this agreement", "this chart's range": for the headings and the empty state. */
  about: string;
  empty?: string;
  showSubject?: boolean;
}) {
  // Only what the share list shows crosses to the browser, not the teams' members.
  const options = teams.map(({ id, name }) => ({ id, name }));
  return (
    <section className="panel notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      <p className="meta">Your notes and those your teams share. Notes never move the index.</p>
      <NoteList notes={notes} teams={options} label={`Notes on ${about}`} empty={empty} showSubject={showSubject} />
      <NewNoteForm on={on} teams={options} label={`New note on ${about}`} />
    </section>
  );
}

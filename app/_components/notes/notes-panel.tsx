// The notes beside a record or a dyad's chart: mine and my teams', then the form for a new one.
import { useTranslations } from "next-intl";
import type { AnalystNote } from "@/server/notes/service";
import type { NoteTarget } from "@/server/notes/schemas";
import { NewNoteForm, type TeamOption } from "./note-form";
import { NoteList } from "./note-list";

export function NotesPanel({
  notes,
  teams,
  on,
  about,
  showSubject = false,
}: {
  notes: AnalystNote[];
  teams: TeamOption[];
  /** What a new note is about; a day note starts on this day and may be moved. */
  on: NoteTarget;
  /** This event, this agreement, or the index over the chart's range: for the headings and the empty state. */
  about: "event" | "agreement" | "index";
  showSubject?: boolean;
}) {
  const t = useTranslations("notes");
  // Only what the share list shows crosses to the browser, not the teams' members.
  const options = teams.map(({ id, name }) => ({ id, name }));
  return (
    <section className="panel notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t("heading")}</h2>
      <p className="meta">{t("intro")}</p>
      <NoteList notes={notes} teams={options} label={t("listLabel", { about })} empty={t("empty", { about })} showSubject={showSubject} />
      <NewNoteForm on={on} teams={options} label={t("newLabel", { about })} />
    </section>
  );
}

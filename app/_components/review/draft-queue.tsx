"use client";
// The drafts queue for volume: j/k move the selection through the drafts (focus follows it, and
// it is marked aria-current), x ticks the selected one, p publishes it, r puts the cursor in its
// return comment; keys are ignored while the reader types in a field. Ticked drafts are published
// or returned together with one comment: the server decides each in its own transaction and
// answers "N published, M refused" with each refusal's reason. The queue stays on the page when
// its last draft is decided, saying it is empty, so that answer outlives the refresh.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { returnManyInput } from "@/server/drafts/queue-schemas";
import { Field, FormMessage, SubmitButton } from "../forms/form-fields";
import { CHECK_ON_SUBMIT, showRefusal, useSchemaForm } from "../forms/schema-form";
import { DraftCard, type DraftItem } from "./draft-list";

type QueuedItem = DraftItem & { effect: number };

interface Outcome {
  kind: "publish" | "return";
  decided: { id: string; title: string }[];
  refused: { id: string; title: string; reason: string }[];
}

/** Keys typed into a text field, a select or an editable area are the field's, not the queue's. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
}

const decidable = (draft: DraftItem) => draft.mayDecide && draft.status === "PENDING";

/** False in the server's HTML, true once the browser runs this component: the keys work from then on. */
const noChange = () => () => undefined;
const useInBrowser = () => useSyncExternalStore(noChange, () => true, () => false);

export function DraftQueue({ drafts, empty }: { drafts: QueuedItem[]; /** Said when no draft is left. */ empty: string }) {
  const t = useTranslations("review");
  const trpc = useTRPC();
  const router = useRouter();
  const inBrowser = useInBrowser();
  const rows = useRef(new Map<string, HTMLElement>());
  const [selectedId, setCurrentId] = useState<string | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const publishOne = useMutation(
    trpc.drafts.publish.mutationOptions({
      onSuccess: (_data, input) => {
        setStatus(t("keys.published", { title: drafts.find((d) => d.id === input.id)?.title ?? "" }));
        router.refresh();
      },
      onError: (error) => setStatus(error.message),
    }),
  );
  const settled = (kind: Outcome["kind"]) => (result: Omit<Outcome, "kind">) => {
    setOutcome({ kind, ...result });
    setTicked(new Set());
    router.refresh();
  };
  const form = useSchemaForm(returnManyInput, { defaultValues: { drafts: [], comment: "" }, ...CHECK_ON_SUBMIT });
  const publishMany = useMutation(trpc.drafts.publishMany.mutationOptions({ onSuccess: settled("publish"), onError: (error) => showRefusal(form, error) }));
  const returnMany = useMutation(
    trpc.drafts.returnMany.mutationOptions({
      onSuccess: (result) => {
        form.reset({ drafts: [], comment: "" });
        settled("return")(result);
      },
      onError: (error) => showRefusal(form, error),
    }),
  );
  const busy = publishOne.isPending || publishMany.isPending || returnMany.isPending;

  // After a decision the list is rendered again: what left it is neither selected nor counted as ticked.
  const currentId = drafts.some((d) => d.id === selectedId) ? selectedId : null;
  const chosen = drafts.filter((d) => ticked.has(d.id) && decidable(d));
  const refs = chosen.map(({ id, version }) => ({ id, version }));
  const open = drafts.filter(decidable);
  const allTicked = open.length > 0 && open.every((d) => ticked.has(d.id));
  const tick = useCallback(
    (id: string, on: boolean) =>
      setTicked((before) => {
        const next = new Set(before);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );

  useEffect(() => {
    const select = (id: string) => {
      setCurrentId(id);
      rows.current.get(id)?.focus();
    };
    const refusalOf = (draft: DraftItem | undefined) =>
      !draft ? t("keys.pickFirst") : draft.mine ? t("keys.own") : !decidable(draft) ? t("keys.notPending") : null;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      const at = drafts.findIndex((d) => d.id === currentId);
      const current = drafts[at];
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        const next = drafts[at === -1 ? 0 : Math.min(Math.max(at + (event.key === "j" ? 1 : -1), 0), drafts.length - 1)];
        if (next) select(next.id);
        setStatus(null);
      } else if (event.key === "x" || event.key === "p" || event.key === "r") {
        event.preventDefault();
        const refused = refusalOf(current);
        setStatus(refused);
        if (refused || !current) return;
        if (event.key === "x") tick(current.id, !ticked.has(current.id));
        else if (event.key === "p") {
          if (!busy) publishOne.mutate({ id: current.id, version: current.version });
        } else rows.current.get(current.id)?.querySelector<HTMLInputElement>('input[name="comment"]')?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [drafts, currentId, ticked, busy, publishOne, tick, t]);

  return (
    <>
      {drafts.length > 0 && (
        <>
          {/* Said once the keys work, not in the server's HTML before they do. */}
          <p className="meta keys-help" id="draft-keys">
            {inBrowser ? t("keys.help") : null}
          </p>
          <form
            className="inline-form bulk-bar"
            noValidate
            aria-label={t("bulk.label")}
            onSubmit={(event) => {
              form.setValue("drafts", refs);
              void form.handleSubmit((data) => returnMany.mutate(data))(event);
            }}
          >
            <label>
              <input type="checkbox" checked={allTicked} disabled={open.length === 0} onChange={(e) => setTicked(e.target.checked ? new Set(open.map((d) => d.id)) : new Set())} />{" "}
              {t("bulk.selectAll")}
            </label>
            <output aria-live="polite">{t("bulk.selected", { count: chosen.length })}</output>
            <button type="button" disabled={busy || chosen.length === 0} onClick={() => publishMany.mutate({ drafts: refs })}>
              {publishMany.isPending ? t("bulk.working") : t("bulk.publish")}
            </button>
            <Field form={form} name="comment" label={t("bulk.comment")}>
              {(props) => <input {...props} maxLength={2000} />}
            </Field>
            <SubmitButton busy={busy || chosen.length === 0}>
              {returnMany.isPending ? t("bulk.working") : t("bulk.return")}
            </SubmitButton>
            <FormMessage form={form} hidden="drafts" />
          </form>
        </>
      )}
      {outcome && (
        <div className="notice">
          <output>{t(outcome.kind === "publish" ? "bulk.publishedResult" : "bulk.returnedResult", { done: outcome.decided.length, refused: outcome.refused.length })}</output>
          {outcome.refused.length > 0 && (
            <ul aria-label={t("bulk.refusals")}>
              {outcome.refused.map((r) => (
                <li key={r.id} dir="auto">
                  {t("bulk.refusal", { title: r.title, reason: r.reason })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <output className="meta" aria-live="polite">
        {status}
      </output>
      {drafts.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="draft-list" aria-label={t("drafts.list")} aria-describedby="draft-keys">
          {drafts.map((draft) => (
            <li key={draft.id} aria-current={draft.id === currentId ? "true" : undefined}>
              <article
                className={draft.id === currentId ? "panel selected" : "panel"}
                aria-label={t("drafts.article", { title: draft.title })}
                tabIndex={-1}
                ref={(element) => {
                  if (element) rows.current.set(draft.id, element);
                  else rows.current.delete(draft.id);
                }}
              >
                <DraftCard
                  draft={draft}
                  effect={draft.effect}
                  chooser={
                    decidable(draft) && (
                      <input
                        type="checkbox"
                        className="draft-tick"
                        checked={ticked.has(draft.id)}
                        onChange={(e) => tick(draft.id, e.target.checked)}
                        aria-label={t("drafts.select", { title: draft.title })}
                      />
                    )
                  }
                />
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

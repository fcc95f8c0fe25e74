// Inputs of the saved-view procedures, shared with the "Save view" dialog and the /views page.
import { z } from "zod";
import { said } from "../shared/said";
import { version } from "../shared/schemas";
import { savedViewState } from "./state";

export const recordId = z.string().trim().min(1, said("isRequired")).max(40, said("notAnId"));

export const viewName = z.string().trim().min(1, said("nameView")).max(80, said("atMostCharsSentence", { max: 80 }));

/** "Only me" is null; otherwise one of the user's teams. */
export const shareWith = recordId.nullable();

export const saveViewForm = z.object({ name: viewName, teamId: shareWith });

export const createViewInput = saveViewForm.extend({ state: savedViewState });
export const viewIdInput = z.object({ id: recordId });
/** The rename form; the procedure adds which view and the version the editor loaded. */
export const renameViewForm = z.object({ name: viewName });
export const renameViewInput = renameViewForm.extend({ id: recordId, version });
export const updateViewStateInput = z.object({ id: recordId, version, state: savedViewState });
export const duplicateViewInput = z.object({ id: recordId, name: viewName.optional() });

export const VIEWS_PAGE_SIZE = 20;

/** One page of /views: from the start, or from a cursor a previous page gave (see cursor.ts). */
export const listViewsInput = z
  .object({
    cursor: z.string().max(100, said("notPageCursor")).nullish(),
    limit: z.number().int().min(1).max(50).default(VIEWS_PAGE_SIZE),
  })
  .default({ limit: VIEWS_PAGE_SIZE });

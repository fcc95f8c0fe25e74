// The agreements feed's pages, alike for every signed-in reader, and a search's ranking costs
// PostgreSQL tens of milliseconds over 100,000 agreements: kept per instance, per question (the
// filters, the search, the cursor, the page's size), until a write to what a page shows is
// announced (topic "agreements": an agreement, its parties, amounts or sources; "dyads" for the
// dyad filter). Not read again ahead of callers: pages are many and agreements seldom written.
import { changeFeedOf } from "../shared/change-feed";
import { keptAnswers, type KeptAnswers } from "../shared/kept-answers";

/** Pages kept per instance, ~10 KB each: the first pages of the searches and filters in use. */
const MAX_ENTRIES = 500;

/** One instance's pages, hearing changes through `feedFor` (tests make one per simulated instance). */
export const feedAnswersWith = (feedFor: typeof changeFeedOf): KeptAnswers => keptAnswers({ topic: ["agreements", "dyads"], maxEntries: MAX_ENTRIES, feedFor });

export const feedAnswers = feedAnswersWith(changeFeedOf);

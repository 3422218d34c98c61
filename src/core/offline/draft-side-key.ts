// A tab in a two-tab conflict keeps its user's typing beside the other tab's newer draft, never over it
// (issue 14): under the draft's key, a separator no app key is expected to hold, and the saving hook's id.
const SIDE = '\u001Fside:';

/**
 * The key of the side copy `id` (one per `useDraft` instance) keeps of draft `key` while a conflict is
 * open: `<key>\u001Fside:<id>`.
 */
export const draftSideKey = (key: string, id: string): string => `${key}${SIDE}${id}`;

/** The prefix every side copy of draft `key` starts with (for `DraftStore.list`). */
export const draftSidePrefix = (key: string): string => `${key}${SIDE}`;

/**
 * Fields whose values never go into a draft: password inputs, and every field with an autocomplete
 * token browsers use for passwords, one-time codes or payment cards (`cc-number`, `cc-csc`, `cc-exp`,
 * `cc-name` …; https://html.spec.whatwg.org/#autofill-field).
 */
// One literal, not an array joined at import: a call at module level would ride along in every bundle.
const SECRET_FIELDS =
  'input[type="password"], [autocomplete~="current-password"], [autocomplete~="new-password"], ' +
  '[autocomplete~="one-time-code"], [autocomplete*="cc-"]';
const FIELDS = 'input, textarea, select';

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** What a form's secret fields are: names and ids to leave out as keys, values to leave out anywhere. */
export interface SecretInputs {
  names: string[];
  values: string[];
}

/**
 * Remembers every field that was ever secret in a form, so a password the user made visible with a
 * "show password" (eye) toggle, which switches its `type` to `text`, stays out of the draft. A field
 * counts once it is seen as secret by a read, or once a watched root reports its `type` changed from
 * `password`.
 */
export interface SecretInputTracker {
  /** The secret fields inside `root` now, and those ever seen secret that are still there. */
  read(root: ParentNode | null | undefined): SecretInputs;
  /** Notices `type="password"` being switched off inside `root` from now on; returns the stop. */
  watch(root: Node): () => void;
}

/** A {@link SecretInputTracker}, one per form (per `useDraft`). */
export function createSecretInputTracker(): SecretInputTracker {
  const seen = new WeakSet<Element>();
  const seenNames = new Set<string>();
  const remember = (field: Element) => {
    seen.add(field);
    const { name, id } = field as Field;
    if (name) seenNames.add(name);
    if (id) seenNames.add(id);
  };
  let observer: MutationObserver | undefined;
  const take = (records: readonly MutationRecord[]) => {
    for (const record of records)
      if (record.oldValue?.trim().toLowerCase() === 'password' && record.target instanceof Element)
        remember(record.target);
  };
  return {
    read(root) {
      // A toggle in the same task as the read (an eye click, then the tab closed) has not been delivered yet.
      if (observer) take(observer.takeRecords());
      for (const field of root?.querySelectorAll(SECRET_FIELDS) ?? []) remember(field);
      const values: string[] = [];
      for (const field of root?.querySelectorAll<Field>(FIELDS) ?? [])
        if (seen.has(field) && field.value) values.push(field.value);
      return { names: [...seenNames], values };
    },
    watch(root) {
      observer?.disconnect();
      const current = new MutationObserver(take);
      observer = current;
      current.observe(root, {
        subtree: true,
        attributeFilter: ['type'],
        attributeOldValue: true,
      });
      return () => {
        current.disconnect();
        if (observer === current) observer = undefined;
      };
    },
  };
}

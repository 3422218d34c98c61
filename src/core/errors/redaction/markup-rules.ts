import type { RedactionRule } from './types';

/** The local name of a tag or attribute value: `ns:Password` → `Password`. */
const localName = (name: string): string => name.slice(name.lastIndexOf(':') + 1);

/**
 * Secrets named by markup (issue 9, L8): an XML or HTML element named by a secret key
 * (`<password>…</password>`, `<ns:ApiKey>…</ns:ApiKey>`, also escaped as `&lt;password&gt;…`: closed, so React's `in the <Password>
 * component` is prose) and the `value` of a form field whose `name`, `id` or
 * `type` is one (`<input type="password" value="…">`). Attributes in between are bounded, so the
 * patterns stay linear.
 */
export const markupRules: readonly RedactionRule[] = [
  {
    id: 'xml-element',
    pattern: /(<)([A-Za-z_][\w.:-]{0,80})((?:\s[^<>]{0,200})?(?<!\/)>)([^<]+)(?=<\/\2\s*>)/g,
    secretGroup: 4,
    test: (m, { isSecretKey }) => isSecretKey(localName(m[2] as string)) && (m[4] as string).trim() !== '',
  },
  // The same element HTML-escaped, as an XML body shown in an HTML error page (break-it pass 2, L9)
  {
    id: 'escaped-xml-element',
    pattern:
      /(&lt;)([A-Za-z_][\w.:-]{0,80})((?:\s[^&<>]{0,200})?&gt;)((?:[^&<\r\n]|&(?!lt;)){1,2000})(?=&lt;\/\2\s*&gt;)/g,
    secretGroup: 4,
    test: (m, { isSecretKey }) => isSecretKey(localName(m[2] as string)) && (m[4] as string).trim() !== '',
  },
  {
    id: 'form-field-value',
    pattern:
      /(<(?:input|textarea|option)\b[^<>]{0,300}?\b(?:name|id|type)[ \t]*=[ \t]*\\*["']?)([\w.:[\]-]{1,80})(\\*["']?[^<>]{0,300}?\bvalue[ \t]*=[ \t]*\\*["']?)([^"'\\<>\s]*)/gi,
    secretGroup: 4,
    test: (m, { isSecretKey }) => isSecretKey(m[2] as string) && (m[4] as string) !== '',
  },
];

/**
 * A reason after a secret key in French, German, Spanish, Italian, Portuguese, Russian, Chinese or
 * Japanese: what Django/DRF, Rails, Laravel and zod-i18n print as `${field}: ${message}` in the user's
 * locale (`password: Ce champ est obligatoire.`, `token: abgelaufen`, `token: 已过期`; issue 9, break-it
 * pass 3: W2). The same test as the English one in reason.ts, with these languages' words: plain words
 * only (letters of any script, numbers of at most two digits, or three or four before a unit such as
 * `caractères`, a `/path`), a reason word, and from four words on a grammar word. Chinese and Japanese
 * are written without spaces, so there a run of their letters holding a reason fragment (`过期`, `必須`,
 * `文字以上`) is the reason. Decision: other languages' reasons are redacted, as a value that is not
 * known to be a reason is (fail closed); the lists are short on purpose: a word a passphrase would hold
 * is not a reason word.
 */

/** Words that say what is wrong with a secret (lower case, NFC), in the languages above. */
const REASON_WORDS = new Set(
  [
    // French
    'obligatoire requis requise invalide invalides expiré expirée expirés manquant manquante vide',
    'incorrect incorrecte erroné erronée court courte caractères chiffres refusé refusée révoqué',
    'révoquée inconnu inconnue interdit bloqué bloquée nécessaire',
    // German
    'erforderlich abgelaufen ungültig fehlt fehlend fehlende falsch leer kurz zeichen ziffern',
    'benötigt abgelehnt gesperrt widerrufen unbekannt verweigert pflichtfeld verboten',
    // Spanish
    'obligatorio obligatoria requerido requerida inválido inválida caducado caducada expirado',
    'expirada vencido vencida vacío vacía incorrecto incorrecta corto corta caracteres dígitos falta',
    'rechazado rechazada revocado revocada desconocido denegado bloqueado necesario',
    // Italian
    'obbligatorio obbligatoria richiesto richiesta scaduto scaduta mancante vuoto vuota errato',
    'errata lungo lunga caratteri cifre rifiutato revocato sconosciuto negato bloccato necessario',
    // Portuguese
    'obrigatório obrigatória necessário inválidos ausente vazio vazia incorreto incorreta curto',
    'curta longo longa recusado revogado desconhecido negado bloqueado',
    // Russian
    'обязательно обязательное обязательный обязательна требуется истёк истек истекло истёкший',
    'недействителен недействительный недействительна недопустимый неверный неверно неверная',
    'неправильный отсутствует пустой пусто короткий короткое короткая длинный символов символа',
    'цифр отклонён отклонен отозван неизвестный запрещено заблокирован',
  ]
    .join(' ')
    .split(' '),
);
/** Grammar words: articles, copulas, prepositions, negations, "too", "at least", "must". */
const GRAMMAR_WORDS = new Set(
  [
    'le la les l un une des de du d est sont ce cette au aux à en et ou pour par avec sans pas ne n doit',
    'moins plus trop être a été',
    'der die das den dem des ein eine ist sind nicht kein keine zu mit für von mindestens muss darf sein',
    'wurde bitte',
    'el los las es son del al y o para por con sin no debe ser demasiado menos ha',
    'il lo i gli è e di della per non deve essere troppo almeno',
    'os as um uma é são do da em ter pelo pela menos muito não',
    'не слишком должен должно должна быть это и или в на с для по как минимум менее более',
  ]
    .join(' ')
    .split(' '),
);
/** Units a number of three or four digits may come before: a length, not a PIN. */
const UNITS = new Set(
  'caractères chiffres secondes zeichen ziffern sekunden caracteres dígitos segundos caratteri cifre secondi символов цифр секунд'.split(
    ' ',
  ),
);
/** A reason inside a run of Chinese or Japanese letters. */
const CJK_REASON =
  /过期|過期|期限切れ|失効|必填|必須|必须|必需|无效|無効|無效|不能为空|不能為空|为空|太短|太长|短すぎ|長すぎ|文字以上|文字以下|字符|入力してください|入力必須|不正|错误|錯誤|不正确|不正確|不匹配|一致しません|已撤销|已吊销|缺少|未入力/;
const CJK = /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]/;
/** A Chinese or Japanese run: their letters, the long-vowel mark, numbers of at most two digits. */
const CJK_WORD = /^(?:[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]|(?<!\d)\d{1,2}(?!\d))+$/u;
/** One plain word of any script (hyphen and apostrophe inside), a number or a /path, in punctuation. */
// Built from a string: a bundler targeting older engines expands a literal `\p{…}` into kilobytes of ranges.
const PLAIN_WORD = new RegExp(
  String.raw`^[("'[«„“]?([\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|\d{1,4}|\/[\w/.-]*)[)"'\].,;:!?…»“”。、！？]*$`,
  'u',
);
const MAX_REASON = 200;
const MAX_WORDS = 16;

/** True when `text` (the trimmed value after `key:`) is a reason in one of the languages above. */
export function isTranslatedReason(text: string): boolean {
  if (text.length > MAX_REASON) return false;
  const words = text.split(/\s+/);
  if (words.length > MAX_WORDS) return false;
  const bare: string[] = [];
  for (const word of words) {
    const plain = PLAIN_WORD.exec(word)?.[1];
    const core = plain ?? word.replace(/[。、！？.!?]+$/u, '');
    if (plain === undefined && !(CJK.test(core) && CJK_WORD.test(core))) return false;
    bare.push(core.normalize('NFC').toLowerCase());
  }
  const isReasonWord = (word: string): boolean =>
    REASON_WORDS.has(word) || (CJK.test(word) && CJK_REASON.test(word));
  // A number of three or four digits is a length before a unit, and otherwise may be the secret.
  if (bare.some((word, i) => /^\d{3,}$/.test(word) && !UNITS.has(bare[i + 1] ?? ''))) return false;
  if (!bare.some(isReasonWord)) return false;
  if (bare.length <= 3)
    return (
      isReasonWord(bare.at(-1) ?? '') ||
      bare.every((word) => isReasonWord(word) || GRAMMAR_WORDS.has(word) || /^\d{1,2}$|^\//.test(word))
    );
  return bare.some((word) => GRAMMAR_WORDS.has(word));
}

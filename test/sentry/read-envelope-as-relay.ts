// Reads an envelope body the way Sentry's Relay does (relay-server `Envelope::parse_bytes`): a header line,
// then per item a header line and a payload that is exactly `length` bytes when the header gives one (then a
// newline or the end), else everything up to the next newline. Anything else is a broken envelope.
export interface RelayItem {
  header: { type: string; length?: number } & Record<string, unknown>;
  /** The payload's bytes, decoded as UTF-8. */
  payload: string;
}

const NEWLINE = 0x0a;
const decoder = new TextDecoder('utf-8', { fatal: true });

export function readEnvelopeAsRelay(bytes: Uint8Array): {
  header: Record<string, unknown>;
  items: RelayItem[];
} {
  let offset = 0;
  const line = (): string => {
    let end = bytes.indexOf(NEWLINE, offset);
    if (end < 0) end = bytes.length;
    const text = decoder.decode(bytes.subarray(offset, end));
    offset = end + 1;
    return text;
  };
  const header = JSON.parse(line()) as Record<string, unknown>;
  const items: RelayItem[] = [];
  while (offset < bytes.length) {
    const itemHeader = JSON.parse(line()) as RelayItem['header'];
    let payload: string;
    if (itemHeader.length !== undefined) {
      const end = offset + itemHeader.length;
      if (end > bytes.length) throw new Error(`item ${itemHeader.type}: length runs past the envelope's end`);
      payload = decoder.decode(bytes.subarray(offset, end));
      if (end < bytes.length && bytes[end] !== NEWLINE)
        throw new Error(`item ${itemHeader.type}: no newline after its ${itemHeader.length} bytes`);
      offset = end + 1;
    } else {
      payload = line();
    }
    items.push({ header: itemHeader, payload });
  }
  return { header, items };
}

/**
 * Store keys. Azure Tables forbids `/ \ # ?` and control characters in keys, and Teams ids
 * contain them (meeting ids are base64 with `/`), so every external id goes through keyPart.
 * Escaping keeps plain ASCII ids readable and keeps their order.
 */

const SEPARATOR = '|';
const SAFE = /[A-Za-z0-9._:@=+,;$'()*\- ]/;

/** Escapes one key segment: unsafe characters become `!` and two hex digits per UTF-8 byte. */
export function keyPart(value: string): string {
  let out = '';
  for (const ch of value) {
    if (SAFE.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of new TextEncoder().encode(ch)) out += '!' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Reverses keyPart. */
export function fromKeyPart(encoded: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === '!') {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(encoded.charCodeAt(i));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Joins escaped segments into one key; segments never contain the separator. */
export function compositeKey(...parts: readonly string[]): string {
  return parts.map(keyPart).join(SEPARATOR);
}

/** Fixed-width, sortable time for row keys (ISO 8601 in UTC sorts as text). */
export function timeKey(at: Date): string {
  return at.toISOString();
}

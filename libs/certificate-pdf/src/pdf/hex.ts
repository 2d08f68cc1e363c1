const table: string[] = [];

/** Four upper-case hex digits (a 2-byte CID or UTF-16 code unit). */
export function hex4(value: number): string {
  let hex = table[value];
  if (hex === undefined) {
    hex = value.toString(16).toUpperCase().padStart(4, '0');
    table[value] = hex;
  }
  return hex;
}

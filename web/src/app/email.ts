/**
 * The e-mail shape the forms check before sending (the server has the final word). No imports:
 * the basic first screen uses it too.
 */
export function looksLikeEmail(text: string): boolean {
  return /^\S+@\S+\.\S+$/.test(text);
}

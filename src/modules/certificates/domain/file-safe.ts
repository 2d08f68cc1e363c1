/** A file-name-safe fragment of a certificate number or person's name. */
export function fileSafe(text: string, maxLength = 80): string {
  const cleaned = [...text]
    .map((c) => (c.charCodeAt(0) < 0x20 ? '-' : c))
    .join('')
    .replace(/[/\\:*?"<>|]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  return (cleaned || 'certificate').slice(0, maxLength);
}

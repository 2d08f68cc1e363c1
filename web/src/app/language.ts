/** The app's languages; no imports, so the basic first screen can use it too. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The browser's first preferred language we have a catalogue for; Indonesian otherwise. */
export function browserLanguage(
  preferred: readonly string[] = navigator.languages ?? [],
): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'id' || base === 'en') return base;
  }
  return 'id';
}

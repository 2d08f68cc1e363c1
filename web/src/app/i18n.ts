import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import id from '../locales/id.json';
import { browserLanguage, LANGUAGES, type Language } from './language';

export { browserLanguage, LANGUAGES, type Language };

// Indonesian (the default and fallback) ships in the entry; other catalogues load on first use.
const lazyCatalogues: Record<Exclude<Language, 'id'>, () => Promise<{ default: object }>> = {
  en: () => import('../locales/en.json'),
};

async function loadCatalogue(language: Language): Promise<void> {
  if (language === 'id' || i18n.hasResourceBundle(language, 'translation')) return;
  const { default: catalogue } = await lazyCatalogues[language]();
  i18n.addResourceBundle(language, 'translation', catalogue);
}

export async function setLanguage(language: Language): Promise<void> {
  await loadCatalogue(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Resolves once the browser's language is ready to render (at once for Indonesian). */
export const i18nReady: Promise<void> = i18n
  .use(initReactI18next)
  .init({
    resources: { id: { translation: id } },
    lng: 'id',
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => setLanguage(browserLanguage()))
  // A catalogue that fails to load leaves the page in Indonesian rather than blank.
  .catch(() => undefined);

document.documentElement.lang = i18n.language ?? 'id';

export default i18n;

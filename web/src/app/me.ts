import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from './api';
import { LANGUAGES, setLanguage, type Language } from './i18n';
import { useSession } from './session';

let languageChosenHere = false;

/** Remembers that the user picked a language in this tab (it then wins over the account's). */
export function chooseLanguage(language: Language): void {
  languageChosenHere = true;
  void setLanguage(language);
}

export const meQuery = { queryKey: ['me'], queryFn: api.me, staleTime: 5 * 60_000 };

/** The signed-in user; the account's language is applied unless one was picked in this tab. */
export function useMe() {
  const session = useSession();
  const query = useQuery({ ...meQuery, enabled: session.status === 'signed-in' });
  const locale = query.data?.locale;
  useEffect(() => {
    if (!languageChosenHere && locale && (LANGUAGES as readonly string[]).includes(locale)) {
      void setLanguage(locale as Language);
    }
  }, [locale]);
  return query;
}

/** Where a user of a non-learner role lands (their area); null for learners. */
export function homeOfRole(role: string | undefined): string | null {
  if (role === 'instructor' || role === 'hr' || role === 'admin') return `/${role}`;
  return null;
}

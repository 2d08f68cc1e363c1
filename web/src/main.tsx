// First, so the silent refresh leaves before the rest of the bundle is evaluated.
import './app/early-refresh';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './app/api';
import { App, queryClient } from './app/App';
import { i18nReady } from './app/i18n';
import { meQuery } from './app/me';
import { accessToken, refreshSession, subscribeSession } from './app/session';
import { keys } from './features/learner/queries';

// A reload keeps the user signed in through the httpOnly refresh cookie. The first screen's data
// is requested the moment the session is back, before React re-renders (a round trip each on a
// slow network): the user, which every page needs, and on "/" the learner's courses.
const stopPrefetch = subscribeSession(() => {
  stopPrefetch();
  if (!accessToken()) return;
  void queryClient.prefetchQuery(meQuery);
  if (window.location.pathname === '/') {
    void queryClient.prefetchQuery({ queryKey: keys.myCourses, queryFn: api.myCourses });
  }
});
void refreshSession();

void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

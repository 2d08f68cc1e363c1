import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { RouterProvider } from 'react-router';
import { ApiError } from './api';
import { useToastsRequested } from './notifications';
import { router } from './router';

// The toast container (and its transitions) loads with the first toast; a toast raised before it
// has mounted waits in @mantine/notifications' store and shows once it does.
const Notifications = lazy(() => import('./Toasts').then((m) => ({ default: m.Toasts })));

const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  // Darker shades keep white-on-primary text above 4.5:1 contrast.
  primaryShade: 8,
  headings: {
    sizes: {
      h1: { fontSize: 'clamp(1.5rem, 1.2rem + 1.6vw, 2.125rem)', lineHeight: '1.25' },
      h2: { fontSize: 'clamp(1.25rem, 1.1rem + 0.8vw, 1.625rem)', lineHeight: '1.3' },
    },
  },
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

export function App() {
  const toasts = useToastsRequested();
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {toasts && (
        <Suspense fallback={null}>
          <Notifications position="top-center" />
        </Suspense>
      )}
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

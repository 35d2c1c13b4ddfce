// The dashboard application: the sign-in gate, the API client for the key,
// shared query caching, and the shell with its views.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError, createApi } from './api/client';
import { forgetKey, storedKey, storeKey } from './api/session';
import { ApiProvider } from './frame/api-context';
import { Shell } from './frame/shell';
import { SignInView } from './views/sign-in/sign-in-view';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A refused key or a bad request will not get better by asking again; a busy server (429) may.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429),
    },
  },
});

export function App() {
  const [key, setKey] = useState<string | null>(() => storedKey());
  const [message, setMessage] = useState<string | null>(null);
  const api = useMemo(
    () =>
      key
        ? createApi(key, (reason) => {
            forgetKey();
            queryClient.clear();
            setMessage(`Your key was not accepted (${reason}). It may have been revoked; sign in with another key.`);
            setKey(null);
          })
        : null,
    [key],
  );
  if (!api) {
    return (
      <SignInView
        message={message}
        onKey={(k) => {
          storeKey(k);
          setMessage(null);
          setKey(k);
        }}
      />
    );
  }
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider api={api}>
        <Shell
          onSignOut={() => {
            forgetKey();
            queryClient.clear();
            setKey(null);
          }}
        />
      </ApiProvider>
    </QueryClientProvider>
  );
}

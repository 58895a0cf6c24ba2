import { I18nProvider } from '@cloudscape-design/components/i18n';
import enMessages from '@cloudscape-design/components/i18n/messages/all.en';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RuntimeConfig } from '../config/env.ts';
import type { ConsoleSession } from '../features/auth/session.ts';
import { GUEST_SESSION, SessionProvider } from '../features/auth/session-context.tsx';
import {
  guardBackForwardRestore,
  isSessionClosed,
  onSessionClose,
} from '../features/auth/session-closing.ts';
import { createQueryClient } from '../lib/query-client.ts';

const RuntimeConfigContext = createContext<RuntimeConfig | null>(null);

/**
 * The validated runtime configuration (e.g. for showing the region).
 * @throws Error when used outside {@link AppProvider}.
 */
export function useRuntimeConfig(): RuntimeConfig {
  const config = useContext(RuntimeConfigContext);
  if (!config) throw new Error('useRuntimeConfig() is used outside <AppProvider>.');
  return config;
}

/** Props of {@link AppProvider}. */
export interface AppProviderProps {
  config: RuntimeConfig;
  /** Who the console acts as (from `startSession()`); a guest that cannot sign in by default. */
  session?: ConsoleSession;
  /**
   * Defaults to a new client from `createQueryClient()`. Start-up passes the one it has already
   * started the page's first requests on (`prefetchPageData`); tests pass their own.
   */
  queryClient?: QueryClient;
  children: ReactNode;
}

/** What the page shows once the session is closed (sign-out under way, or the session ended). */
function SessionClosedPage() {
  return (
    <main>
      <Box padding="xxl">
        <SpaceBetween size="m">
          <Box variant="h1">Signed out</Box>
          <Box variant="p">Nothing of your session is kept on this page.</Box>
          <Button onClick={() => window.location.reload()}>Continue</Button>
        </SpaceBetween>
      </Box>
    </main>
  );
}

/**
 * Everything the routes need around them: runtime configuration, the session, the query client,
 * and Cloudscape's English strings (`I18nProvider`: the property filter's,
 * pagination's and preferences' labels and announcements).
 *
 * Sign-out and session end are final: when the session closes (`closeSession`, called by
 * sign-out and the session-end redirect) the pages are unmounted, in-flight queries cancelled
 * and the query cache emptied; a page the browser restores from its back/forward cache whose
 * session is closed or no longer current (`session.isCurrent`) is hidden and loaded again.
 */
export function AppProvider({
  config,
  session = GUEST_SESSION,
  queryClient,
  children,
}: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [closed, setClosed] = useState(isSessionClosed);
  useEffect(() => onSessionClose(() => setClosed(true)), []);
  // After the pages have unmounted (no observer left to refetch what is removed).
  useEffect(() => {
    if (!closed) return;
    void client.cancelQueries();
    client.clear();
  }, [closed, client]);
  useEffect(
    () =>
      guardBackForwardRestore(window, () => isSessionClosed() || session.isCurrent?.() === false),
    [session],
  );
  const withAccess = useMemo(
    () =>
      session.guestAccess || !config.auth.guestAccess
        ? session
        : { ...session, guestAccess: config.auth.guestAccess },
    [session, config.auth.guestAccess],
  );
  return (
    <RuntimeConfigContext.Provider value={config}>
      <SessionProvider session={withAccess}>
        <QueryClientProvider client={client}>
          <I18nProvider locale="en" messages={[enMessages]}>
            {closed ? <SessionClosedPage /> : children}
          </I18nProvider>
        </QueryClientProvider>
      </SessionProvider>
    </RuntimeConfigContext.Provider>
  );
}

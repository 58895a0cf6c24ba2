import { I18nProvider } from '@cloudscape-design/components/i18n';
import enMessages from '@cloudscape-design/components/i18n/messages/all.en';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { RuntimeConfig } from '../config/env.ts';
import type { ConsoleSession } from '../features/auth/session.ts';
import { GUEST_SESSION, SessionProvider } from '../features/auth/session-context.tsx';
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
  /** Defaults to a new client from `createQueryClient()`; tests pass their own. */
  queryClient?: QueryClient;
  children: ReactNode;
}

/**
 * Everything the routes need around them: runtime configuration, the session, the query client,
 * and Cloudscape's English strings (`I18nProvider`: the property filter's, pagination's and
 * preferences' labels and announcements).
 */
export function AppProvider({
  config,
  session = GUEST_SESSION,
  queryClient,
  children,
}: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <RuntimeConfigContext.Provider value={config}>
      <SessionProvider session={session}>
        <QueryClientProvider client={client}>
          <I18nProvider locale="en" messages={[enMessages]}>
            {children}
          </I18nProvider>
        </QueryClientProvider>
      </SessionProvider>
    </RuntimeConfigContext.Provider>
  );
}

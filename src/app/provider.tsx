import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { RuntimeConfig } from '../config/env.ts';
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
  /** Defaults to a new client from `createQueryClient()`; tests pass their own. */
  queryClient?: QueryClient;
  children: ReactNode;
}

/** Everything the routes need around them: runtime configuration and the query client. */
export function AppProvider({ config, queryClient, children }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <RuntimeConfigContext.Provider value={config}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </RuntimeConfigContext.Provider>
  );
}

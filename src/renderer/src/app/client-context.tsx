import { createContext, useContext } from 'react';
import type { AssayClient } from '../api/client';

export const ClientContext = createContext<AssayClient | null>(null);

export function useClient(): AssayClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside <ClientContext.Provider>');
  return client;
}

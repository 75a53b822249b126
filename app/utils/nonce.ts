// The page's CSP nonce (server.mjs makes one per request and puts it in the load context;
// entry.server.tsx hands it to React). In the browser the value is '' — the browser hides a
// nonce from scripts once the page has loaded, and nothing is rendered inline after hydration.
import { createContext, useContext } from 'react'

export const NonceContext = createContext<string>('')
export const NonceProvider = NonceContext.Provider

export function useNonce(): string {
	return useContext(NonceContext)
}

// What server.mjs passes to every loader and action.
import '@remix-run/node'

declare module '@remix-run/node' {
	interface AppLoadContext {
		/** The client's IP address (behind trusted proxies), for rate limits. */
		clientIp?: string
		/** This response's CSP nonce for inline scripts (one per request). */
		cspNonce?: string
	}
}

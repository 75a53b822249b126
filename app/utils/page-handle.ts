// A route's `handle` that says its page needs no JavaScript: root renders no <Scripts/> (no React,
// no Remix runtime, no modulepreload, no inline script) for it. Only for pages whose every form
// works without JavaScript (the rule here) and which have nothing else to do in the browser.
export const STATIC_PAGE = { hydrate: false } as const

/** Whether the matched routes all want the page hydrated (a route says no with STATIC_PAGE). */
export function wantsHydration(matches: readonly { handle?: unknown }[]): boolean {
	return matches.every((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate !== false)
}

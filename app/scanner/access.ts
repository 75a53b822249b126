// Who this phone is to the server. A scanner link (/scan?event=SLUG#token=TOKEN, the token in the
// fragment so it never reaches the server's logs; /scan?key=TOKEN&event=SLUG is accepted as well)
// is taken out of the address bar at once (history.replaceState, so it is not left in the history, a screenshot or a
// shared tab) and kept in localStorage; every API call then sends it as a Bearer token.
const LINK_KEY = 'sajam-scan-link'
const DEVICE_KEY = 'sajam-scan-device'

export type StoredLink = { token: string; event: string; savedAt: string }

function storage(): Storage | undefined {
	try {
		return window.localStorage
	} catch {
		return undefined
	}
}

export function readStoredLink(): StoredLink | undefined {
	try {
		const value = JSON.parse(storage()?.getItem(LINK_KEY) ?? 'null') as StoredLink | null
		return value && typeof value.token === 'string' && typeof value.event === 'string' ? value : undefined
	} catch {
		return undefined
	}
}

export function forgetStoredLink() {
	storage()?.removeItem(LINK_KEY)
}

/**
 * Takes a scanner link out of the current address, if there is one: stores it and rewrites the
 * address to /scan?event=SLUG. Returns the link now in force (new or stored earlier).
 */
export function adoptLinkFromAddress(): StoredLink | undefined {
	const url = new URL(window.location.href)
	const fragment = new URLSearchParams(url.hash.replace(/^#/, ''))
	const token = fragment.get('token') ?? url.searchParams.get('key')
	const event = url.searchParams.get('event')
	if (token) {
		url.searchParams.delete('key')
		fragment.delete('token')
		const hash = fragment.toString()
		window.history.replaceState(window.history.state, '', url.pathname + url.search + (hash ? `#${hash}` : ''))
		if (event) {
			const link: StoredLink = { token, event, savedAt: new Date().toISOString() }
			storage()?.setItem(LINK_KEY, JSON.stringify(link))
			return link
		}
	}
	return readStoredLink()
}

/** A short random name for this phone, kept across visits: scans say which device made them. */
export function deviceId(): string {
	const store = storage()
	let id = store?.getItem(DEVICE_KEY)
	if (!id) {
		const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
		const bytes = crypto.getRandomValues(new Uint8Array(6))
		id = `scan-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`
		store?.setItem(DEVICE_KEY, id)
	}
	return id
}

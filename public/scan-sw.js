// The door scanner's service worker (scope /scan): keeps the page, its scripts and styles and the
// QR reader's WebAssembly on the phone, so the scanner opens and works with no network at all.
// The check-in API is never cached here: scans live in IndexedDB and are synced by the page.
//
// - the /scan page: network first (the newest page when the network answers within a few
//   seconds), the stored copy otherwise. Stored per address, because the page is rendered for
//   its address; search results (?q=) are never stored.
// - /assets/ (fingerprinted, never change), /scanner/ (the .wasm, versioned by name), the icon
//   and the manifest: from the cache first.
// - /__manifest (Remix's route discovery): network first, then the stored answer, else an empty one.
// The page sends the list of files it loaded ({type: 'warm', urls, complete}) so that they are
// stored even when they were fetched before this worker took control.
const CACHE = 'sajam-scan-v1'
const PAGE_TIMEOUT_MS = 4000
const STATIC = /^\/(assets\/|scanner\/|favicon\.svg$|scan\.webmanifest$)/

self.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(['/scan.webmanifest', '/favicon.svg']))
			.then(() => self.skipWaiting()),
	)
})

self.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((names) => Promise.all(names.filter((name) => name.startsWith('sajam-scan-') && name !== CACHE).map((name) => caches.delete(name))))
			.then(() => self.clients.claim()),
	)
})

/** The address a /scan page is stored under: without the scanner link's token. Null: do not store. */
function pageKey(url) {
	const key = new URL(url)
	if (key.searchParams.has('q')) return null
	key.searchParams.delete('key')
	key.hash = ''
	return key.href
}

function withTimeout(promise, ms) {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('timeout')), ms)
		promise.then(
			(value) => {
				clearTimeout(timer)
				resolve(value)
			},
			(error) => {
				clearTimeout(timer)
				reject(error)
			},
		)
	})
}

async function page(request) {
	const cache = await caches.open(CACHE)
	const key = pageKey(request.url)
	const fromNetwork = fetch(request)
	try {
		const response = await withTimeout(fromNetwork, PAGE_TIMEOUT_MS)
		if (response.ok && key && response.headers.get('Content-Type')?.includes('text/html')) await cache.put(key, response.clone())
		return response
	} catch {
		// Slow or no network: the stored page for this address, or else any stored scanner page.
		const stored = (key && (await cache.match(key))) || (await cache.match(new URL('/scan', self.location.origin).href))
		if (stored) return stored
		const any = (await cache.keys()).find((r) => new URL(r.url).pathname === '/scan')
		if (any) return cache.match(any)
		// Nothing stored yet: wait for the network after all.
		return fromNetwork
	}
}

async function cacheFirst(request) {
	const cache = await caches.open(CACHE)
	const stored = await cache.match(request, { ignoreVary: true })
	if (stored) return stored
	const response = await fetch(request)
	if (response.ok) await cache.put(request, response.clone())
	return response
}

async function routeManifest(request) {
	const cache = await caches.open(CACHE)
	try {
		const response = await fetch(request)
		if (response.ok) await cache.put(request, response.clone())
		return response
	} catch {
		return (await cache.match(request)) || new Response('{}', { headers: { 'Content-Type': 'application/json' } })
	}
}

self.addEventListener('fetch', (event) => {
	const request = event.request
	if (request.method !== 'GET') return
	const url = new URL(request.url)
	if (url.origin !== self.location.origin) return
	if (request.mode === 'navigate' && url.pathname === '/scan') return event.respondWith(page(request))
	if (STATIC.test(url.pathname)) return event.respondWith(cacheFirst(request))
	if (url.pathname === '/__manifest') return event.respondWith(routeManifest(request))
})

self.addEventListener('message', (event) => {
	const data = event.data
	if (!data || data.type !== 'warm' || !Array.isArray(data.urls)) return
	event.waitUntil(warm(data.urls, data.complete === true))
})

/**
 * Stores what the page loaded. When the list is complete (the QR reader loaded too), scripts and
 * .wasm files of older builds, which no page asks for any more, are dropped.
 */
async function warm(urls, complete) {
	const cache = await caches.open(CACHE)
	const wanted = new Set()
	for (const href of urls) {
		const url = new URL(href, self.location.origin)
		if (url.origin !== self.location.origin) continue
		const isPage = url.pathname === '/scan'
		if (!isPage && !STATIC.test(url.pathname)) continue
		const key = isPage ? pageKey(url.href) : url.href
		if (!key) continue
		wanted.add(key)
		if (await cache.match(key)) continue
		try {
			const response = await fetch(url.href, { credentials: 'same-origin' })
			if (response.ok) await cache.put(key, response)
		} catch {
			// Offline now: the next visit online will store it.
		}
	}
	if (!complete) return
	for (const request of await cache.keys()) {
		const path = new URL(request.url).pathname
		if ((path.startsWith('/assets/') || path.startsWith('/scanner/')) && !wanted.has(request.url)) await cache.delete(request)
	}
}

// Registers the scanner's service worker (public/scan-sw.js, scope /scan) and hands it the list of
// files this page loaded, so a reload with no network still finds the page, its scripts, its
// styles and the QR reader's .wasm.
const SCRIPT = '/scan-sw.js'
const KEEP = /^\/(assets\/|scanner\/|favicon\.svg$|scan\.webmanifest$)/

let registration: Promise<ServiceWorkerRegistration | undefined> | undefined

export function registerScannerWorker(): Promise<ServiceWorkerRegistration | undefined> {
	if (!('serviceWorker' in navigator)) return Promise.resolve(undefined)
	registration ??= navigator.serviceWorker.register(SCRIPT, { scope: '/scan' }).catch((error: unknown) => {
		console.warn('scanner: no service worker', error)
		return undefined
	})
	return registration
}

/**
 * Tells the worker to store this page and every file it has loaded so far. `complete`: the QR
 * reader is among them, so files of older builds may go.
 */
export async function warmOfflineCache(complete: boolean) {
	const registered = await registerScannerWorker()
	if (!registered) return
	const worker = (await navigator.serviceWorker.ready).active
	if (!worker) return
	const files = performance
		.getEntriesByType('resource')
		.map((entry) => new URL(entry.name))
		.filter((url) => url.origin === location.origin && KEEP.test(url.pathname))
		.map((url) => url.href)
	worker.postMessage({ type: 'warm', urls: [location.href, ...new Set(files)], complete })
}

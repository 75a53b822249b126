// The scanner's IndexedDB: the event's offline dataset (keys and tickets) and the queue of scans
// not yet acknowledged by the server. A scan is written here before anything else happens to it,
// so closing the tab, a dead battery or a lost network never loses one.
import type { BatchScanRequest, OfflineDataset, OfflineTicket } from '#app/domain/checkin-contract.ts'
import { decodeOfflineTickets, OFFLINE_DATASET_VERSION } from '#app/domain/offline-dataset.ts'

/** The server's offline dataset (checkin-contract.ts) as this phone keeps it: compact, as it came. */
export type StoredDataset = OfflineDataset & {
	/** When this phone received it. */
	fetchedAt: string
}

/** The dataset as the scanner works with it: the tickets decoded into rows. */
export type Dataset = Omit<StoredDataset, 'tickets' | 'version'> & { tickets: OfflineTicket[] }

/** The kept dataset, decoded; undefined for one of another version (an older page kept it) or a broken one. */
export function openDataset(stored: StoredDataset | undefined): Dataset | undefined {
	if (!stored || stored.version !== OFFLINE_DATASET_VERSION) return undefined
	try {
		const { version: _version, ...rest } = stored
		return { ...rest, tickets: decodeOfflineTickets(stored) }
	} catch {
		return undefined
	}
}

/**
 * A scan waiting for the server: one scan of the batch body, with the event slug the scanner works
 * for. A manual check-in has `registrationId` instead of `code`; a scanned code the phone matched
 * keeps the registration too (to rebuild this phone's check-ins after a reload), but only the code
 * is sent. `localResult` is what the phone showed at the door, if it could decide.
 */
export type QueuedScan = BatchScanRequest & { event: string }

const DB_NAME = 'sajam-scan'
const DB_VERSION = 1

let opening: Promise<IDBDatabase> | undefined

function openDb(): Promise<IDBDatabase> {
	opening ??= new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, DB_VERSION)
		request.onupgradeneeded = () => {
			const db = request.result
			if (!db.objectStoreNames.contains('datasets')) db.createObjectStore('datasets', { keyPath: 'event.slug' })
			if (!db.objectStoreNames.contains('queue')) db.createObjectStore('queue', { keyPath: 'nonce' }).createIndex('event', 'event')
		}
		request.onsuccess = () => {
			const db = request.result
			// Another tab upgrading the schema: let it, and reopen on the next call.
			db.onversionchange = () => {
				db.close()
				opening = undefined
			}
			resolve(db)
		}
		request.onerror = () => reject(request.error)
		request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'))
	})
	opening.catch(() => {
		opening = undefined
	})
	return opening
}

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve()
		tx.onerror = () => reject(tx.error)
		tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'))
	})
}

function result<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result)
		request.onerror = () => reject(request.error)
	})
}

/** The kept dataset of the event; one of another version (kept by an older page) is no dataset: the page fetches anew. */
export async function loadDataset(slug: string): Promise<StoredDataset | undefined> {
	const db = await openDb()
	const stored = (await result(db.transaction('datasets').objectStore('datasets').get(slug))) as Partial<StoredDataset> | undefined
	return stored?.version === OFFLINE_DATASET_VERSION ? (stored as StoredDataset) : undefined
}

export async function saveDataset(dataset: StoredDataset): Promise<void> {
	const db = await openDb()
	const tx = db.transaction('datasets', 'readwrite')
	tx.objectStore('datasets').put(dataset)
	await done(tx)
}

/** Forgets an event's names and codes (a revoked link must not leave them on the phone). */
export async function deleteDataset(slug: string): Promise<void> {
	const db = await openDb()
	const tx = db.transaction('datasets', 'readwrite')
	tx.objectStore('datasets').delete(slug)
	await done(tx)
}

export async function enqueueScan(scan: QueuedScan): Promise<void> {
	const db = await openDb()
	const tx = db.transaction('queue', 'readwrite')
	tx.objectStore('queue').put(scan)
	await done(tx)
}

/** The event's waiting scans, oldest first. */
export async function queuedScans(event: string): Promise<QueuedScan[]> {
	const db = await openDb()
	const scans = (await result(db.transaction('queue').objectStore('queue').index('event').getAll(event))) as QueuedScan[]
	return scans.sort((a, b) => a.scannedAt.localeCompare(b.scannedAt))
}

export async function countQueued(event: string): Promise<number> {
	const db = await openDb()
	return result(db.transaction('queue').objectStore('queue').index('event').count(event))
}

/** Removes the scans the server acknowledged, and only those. */
export async function removeQueued(nonces: readonly string[]): Promise<void> {
	if (nonces.length === 0) return
	const db = await openDb()
	const tx = db.transaction('queue', 'readwrite')
	const store = tx.objectStore('queue')
	for (const nonce of nonces) store.delete(nonce)
	await done(tx)
}

// The scanner's calls to the check-in API (docs/api.md, Check-in), with the bodies and answers of
// app/domain/checkin-contract.ts. A scanner link's token goes in `Authorization: Bearer`; a
// logged-in organizer's browser sends its session cookie instead.
import type {
	BatchAnswer,
	CheckinSearchAnswer,
	CheckinSearchHit,
	CheckinStats,
	ManualCheckinApiRequest,
	OfflineDataset,
	ScanAnswer,
	ScanApiRequest,
	ScanBatchApiRequest,
} from '#app/domain/checkin-contract.ts'
import { OFFLINE_DATASET_VERSION } from '#app/domain/offline-dataset.ts'
import type { QueuedScan, StoredDataset } from './scan-db.ts'

export type Access = { kind: 'token'; token: string } | { kind: 'session' }

/** The network is not there (or did not answer in time): keep the scan queued and try later. */
export class OfflineError extends Error {}

/** The server refused who we are: 401 (expired or revoked link) or 403 (another event, too little). */
export class AccessError extends Error {
	constructor(
		readonly status: 401 | 403,
		readonly code: string,
	) {
		super(`access refused: ${status} ${code}`)
	}
}

/** Any other answer that is not what we asked for. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
	) {
		super(`API error: ${status} ${code}`)
	}
}

const TIMEOUT_MS = 8_000

async function call<T>(access: Access, method: 'GET' | 'POST', path: string, body?: unknown, timeout = TIMEOUT_MS): Promise<T> {
	const headers: Record<string, string> = { Accept: 'application/json' }
	if (access.kind === 'token') headers.Authorization = `Bearer ${access.token}`
	if (body !== undefined) headers['Content-Type'] = 'application/json'
	let response: Response
	try {
		response = await fetch(path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			credentials: access.kind === 'session' ? 'same-origin' : 'omit',
			cache: 'no-store',
			signal: AbortSignal.timeout(timeout),
		})
	} catch (error) {
		throw new OfflineError(String(error))
	}
	const text = await response.text().catch(() => '')
	let data: unknown
	try {
		data = text ? JSON.parse(text) : undefined
	} catch {
		data = undefined
	}
	const code = (data as { error?: string } | undefined)?.error ?? 'http_error'
	if (response.status === 401 || response.status === 403) throw new AccessError(response.status, code)
	// A captive portal or a proxy answering for the server is no answer from it.
	if (!response.ok || data === undefined) {
		if (response.status >= 500 || data === undefined) throw new OfflineError(`${response.status}`)
		throw new ApiError(response.status, code)
	}
	return data as T
}

const eventPath = (slug: string) => `/api/v1/events/${encodeURIComponent(slug)}`

/** The event's dataset, compact (version 2: columns, gzip-compressed on the way), as it is kept. */
export async function fetchDataset(access: Access, slug: string): Promise<StoredDataset> {
	const answer = await call<OfflineDataset>(access, 'GET', `${eventPath(slug)}/checkins/offline?v=${OFFLINE_DATASET_VERSION}`, undefined, 20_000)
	return {
		version: answer.version,
		event: answer.event,
		keys: answer.keys,
		tickets: answer.tickets,
		generatedAt: answer.generatedAt,
		fetchedAt: new Date().toISOString(),
	}
}

/** The counts the scanner shows. */
export type Stats = Pick<CheckinStats, 'registered' | 'checkedIn' | 'persons'>

export function fetchStats(access: Access, slug: string): Promise<CheckinStats> {
	return call<CheckinStats>(access, 'GET', `${eventPath(slug)}/checkins/stats`)
}

export function sendScan(access: Access, deviceId: string, scan: QueuedScan & { code: string }): Promise<ScanAnswer> {
	return call<ScanAnswer>(access, 'POST', '/api/v1/checkins', {
		code: scan.code,
		event: scan.event,
		deviceId,
		nonce: scan.nonce,
		scannedAt: scan.scannedAt,
	} satisfies ScanApiRequest)
}

export function sendManualCheckIn(access: Access, deviceId: string, scan: QueuedScan & { registrationId: number }): Promise<ScanAnswer> {
	return call<ScanAnswer>(access, 'POST', `/api/v1/registrations/${scan.registrationId}/checkin`, {
		deviceId,
		nonce: scan.nonce,
		scannedAt: scan.scannedAt,
	} satisfies ManualCheckinApiRequest)
}

export function sendBatch(access: Access, deviceId: string, event: string, scans: readonly QueuedScan[]): Promise<BatchAnswer> {
	return call<BatchAnswer>(
		access,
		'POST',
		'/api/v1/checkins/batch',
		{
			deviceId,
			event,
			scans: scans.map((scan) => ({
				nonce: scan.nonce,
				...(scan.code !== undefined ? { code: scan.code } : { registrationId: scan.registrationId }),
				scannedAt: scan.scannedAt,
				event: scan.event,
				...(scan.localResult ? { localResult: scan.localResult } : {}),
			})),
		} satisfies ScanBatchApiRequest,
		30_000,
	)
}

export async function searchRegistrations(access: Access, slug: string, q: string): Promise<CheckinSearchHit[]> {
	const answer = await call<CheckinSearchAnswer>(access, 'GET', `${eventPath(slug)}/checkins/search?q=${encodeURIComponent(q)}`)
	return answer.results
}

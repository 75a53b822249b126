// Sending the queue of scans through the batch endpoint (POST /api/v1/checkins/batch). Only what
// the server acknowledged leaves the queue; a nonce sent twice is recorded once by the server.
import type { BatchAnswer } from '#app/domain/checkin-contract.ts'
import type { ScanResult } from '#app/domain/checkin-rules.ts'
import { ApiError, sendBatch, type Access } from './api.ts'
import { queuedScans, removeQueued, type QueuedScan } from './scan-db.ts'

const BATCH_SIZE = 500

export type SyncReport = { at: string; sent: number; results: Partial<Record<ScanResult, number>>; corrected: number; rejected: number }

export type Acknowledged = { scan: QueuedScan; result: ScanResult; firstCheckedInAt?: string }

/**
 * Sends the event's waiting scans, oldest first, in batches. `onBatch` hears each batch's
 * acknowledged scans after they left the queue. Undefined when nothing was waiting.
 */
export async function syncQueuedScans(
	access: Access,
	deviceId: string,
	slug: string,
	onBatch: (acknowledged: Acknowledged[]) => void | Promise<void>,
): Promise<SyncReport | undefined> {
	const queued = await queuedScans(slug)
	if (queued.length === 0) return undefined
	const report: SyncReport = { at: new Date().toISOString(), sent: 0, results: {}, corrected: 0, rejected: 0 }
	for (let i = 0; i < queued.length; i += BATCH_SIZE) {
		const chunk = queued.slice(i, i + BATCH_SIZE)
		const answer = await sendChunk(access, deviceId, slug, chunk)
		const sent = new Map(chunk.map((scan) => [scan.nonce, scan]))
		const acknowledged = answer.results
			.filter((r) => sent.has(r.nonce))
			.map((r) => ({ scan: sent.get(r.nonce)!, result: r.result, firstCheckedInAt: r.firstCheckedInAt }))
		await removeQueued([...acknowledged.map((a) => a.scan.nonce), ...answer.rejected])
		report.rejected += answer.rejected.length
		for (const { scan, result } of acknowledged) {
			report.sent++
			report.results[result] = (report.results[result] ?? 0) + 1
			if (scan.localResult && scan.localResult !== result) report.corrected++
		}
		await onBatch(acknowledged)
	}
	return report
}

/**
 * One batch. Should the server refuse a batch as malformed (422: a scan it cannot parse, which our
 * own page should never produce), the scans go one by one, so one bad scan cannot hold the others
 * back forever; the ones refused alone are dropped and counted.
 */
async function sendChunk(access: Access, deviceId: string, slug: string, chunk: QueuedScan[]): Promise<BatchAnswer & { rejected: string[] }> {
	try {
		return { ...(await sendBatch(access, deviceId, slug, chunk)), rejected: [] }
	} catch (error) {
		const malformed = error instanceof ApiError && error.status === 422
		if (!malformed) throw error
		if (chunk.length === 1) return { results: [], rejected: [chunk[0]!.nonce] }
	}
	const all: BatchAnswer & { rejected: string[] } = { results: [], rejected: [] }
	for (const scan of chunk) {
		const one = await sendChunk(access, deviceId, slug, [scan])
		all.results.push(...one.results)
		all.rejected.push(...one.rejected)
	}
	return all
}

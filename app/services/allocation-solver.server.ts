// Runs the stand allocation: the exact stage (munkres) here, in milliseconds, then the spread stage
// (HiGHS MIP) in a worker thread with a time limit, so the server keeps answering while it works.
// Whatever the worker does (finishes, runs out of time, crashes, answers nonsense) the result is
// at least the exact stage's: both optimal values of CONTRACT.md always hold. See
// docs/decisions/0006-stand-allocation-solver.md.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import {
	allocateExact,
	buildSpreadModel,
	readSpreadSolution,
	spreadBySwaps,
	type AllocationInput,
	type AllocationResult,
} from '#app/domain/allocation.ts'

export const DEFAULT_SPREAD_TIME_LIMIT_MS = 5_000
/** Past the deadline, how long the worker may take to hand back HiGHS's best before it is killed. */
const GRACE_MS = 1_500

export type SpreadStatus =
	/** HiGHS proved the fewest same-category neighbours; this result has them. */
	| 'optimal'
	/** HiGHS stopped at the time limit; its best assignment found is used (never worse than stage 1). */
	| 'time_limit'
	/** Nothing (left) to improve: no same-category neighbours after the quick swaps, or nothing to choose. */
	| 'not_needed'
	/** Not asked for: the exact stage's result as it is. */
	| 'skipped'
	/** The worker did not answer in time and was stopped; the quick swaps' result is used. */
	| 'timeout'
	/** The worker failed or its answer did not check out; the quick swaps' result is used. */
	| 'failed'

export type SpreadReport = {
	status: SpreadStatus
	/** Same-category neighbouring pairs after stage 1 and in the returned result. */
	exactPairs: number
	pairs: number
	exactMs: number
	spreadMs: number
	error?: string
}

export type AllocationOutcome = AllocationResult & { spread: SpreadReport }

type WorkerAnswer =
	| { ok: true; status: number; optimal: boolean; hasSolution: boolean; chosen: string[]; objective: number | null }
	| { ok: false; error: string }

let workerFile: string | undefined

/**
 * server/allocation-worker.mjs, found by walking up from this module: from app/services/ (tsx,
 * vitest), build/server/ (the built server) or any REMIX_BUILD_DIR, the project root is an
 * ancestor, and the worker file is not bundled, so it is always there.
 */
export function allocationWorkerFile(): string {
	if (workerFile) return workerFile
	let dir = path.dirname(fileURLToPath(import.meta.url))
	for (;;) {
		const candidate = path.join(dir, 'server', 'allocation-worker.mjs')
		if (existsSync(candidate)) return (workerFile = candidate)
		const parent = path.dirname(dir)
		if (parent === dir) throw new Error('server/allocation-worker.mjs not found above ' + fileURLToPath(import.meta.url))
		dir = parent
	}
}

// One MIP at a time: the machine has few cores and the web server needs one.
let queue: Promise<unknown> = Promise.resolve()

function runWorker(lp: string, start: Record<string, number>, deadline: number): Promise<WorkerAnswer | 'timeout'> {
	return new Promise((resolve) => {
		let settled = false
		const worker = new Worker(allocationWorkerFile(), { workerData: { lp, start, deadline } })
		const finish = (answer: WorkerAnswer | 'timeout') => {
			if (settled) return
			settled = true
			clearTimeout(timer)
			void worker.terminate()
			resolve(answer)
		}
		const timer = setTimeout(() => finish('timeout'), Math.max(0, deadline - Date.now()) + GRACE_MS)
		worker.once('message', (answer: WorkerAnswer) => finish(answer))
		worker.once('error', (error) => finish({ ok: false, error: error.message }))
		worker.once('exit', (code) => finish({ ok: false, error: `worker exited with code ${code}` }))
	})
}

/**
 * The allocation for `input` (accepted applications only). The spread stage gets `timeLimitMs`
 * from this call on (waiting for another solve counts); `spread: false` stops after stage 1.
 */
export async function allocateStands(
	input: AllocationInput,
	{ timeLimitMs = DEFAULT_SPREAD_TIME_LIMIT_MS, spread = true }: { timeLimitMs?: number; spread?: boolean } = {},
): Promise<AllocationOutcome> {
	const started = performance.now()
	const deadline = Date.now() + timeLimitMs
	const exact = allocateExact(input)
	const exactMs = performance.now() - started
	const report = (status: SpreadStatus, result: AllocationResult, error?: string): AllocationOutcome => ({
		...result,
		spread: {
			status,
			exactPairs: exact.sameCategoryPairs,
			pairs: result.sameCategoryPairs,
			exactMs,
			spreadMs: performance.now() - started - exactMs,
			...(error ? { error } : {}),
		},
	})
	if (!spread) return report('skipped', exact)
	// Let requests that queued up during stage 1 through before the model is built (tens of ms).
	await new Promise((resolve) => setImmediate(resolve))
	// Quick swaps first (milliseconds): the baseline and the MIP's start from here on.
	const swapped = exact.sameCategoryPairs === 0 ? exact : spreadBySwaps(input, exact)
	await new Promise((resolve) => setImmediate(resolve))
	const model = swapped.sameCategoryPairs === 0 ? null : buildSpreadModel(input, swapped)
	if (!model || model.constantPairs === swapped.sameCategoryPairs) return report('not_needed', swapped)

	const turn = queue.then(() => (Date.now() < deadline ? runWorker(model.lp, model.start, deadline) : ('timeout' as const)))
	queue = turn.catch(() => undefined)
	let answer: WorkerAnswer | 'timeout'
	try {
		answer = await turn
	} catch (error) {
		answer = { ok: false, error: error instanceof Error ? error.message : String(error) }
	}
	if (answer === 'timeout') return report('timeout', swapped)
	if (!answer.ok) return report('failed', swapped, answer.error)
	if (!answer.hasSolution) return report(answer.optimal ? 'failed' : 'timeout', swapped, answer.optimal ? 'no solution' : undefined)
	const spreadResult = readSpreadSolution(input, swapped, answer.chosen)
	if (!spreadResult) return report('failed', swapped, 'the solver answer did not check out')
	return report(answer.optimal ? 'optimal' : 'time_limit', spreadResult)
}

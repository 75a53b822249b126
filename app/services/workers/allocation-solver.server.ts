// Runs the stand allocation in a worker thread, all of it: the exact stage (munkres), the quick
// swaps, the spread MIP's model, HiGHS and reading its answer (app/services/workers/allocation-worker.server.ts).
// The main thread only posts the input and receives results, so the server keeps answering while a
// solve runs. The worker hands back stage 1's result first, so whatever happens next (the spread
// stage finishes, runs out of time, crashes) the answer is at least the exact stage's: both optimal
// values of CONTRACT.md always hold. See docs/decisions/0006-stand-allocation-solver.md.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { allocateExact } from '#app/domain/allocation/exact.ts'
import { keepsOptimum, type AllocationInput, type AllocationResult } from '#app/domain/allocation/model.ts'
import { spreadBySwaps } from '#app/domain/allocation/swaps.ts'
import type { AllocationJob, DoneStatus, WorkerMessage } from '#app/services/workers/allocation-worker.server.ts'

export const DEFAULT_SPREAD_TIME_LIMIT_MS = 5_000
/** Past the deadline, how long the worker may take to hand back HiGHS's best before it is stopped. */
const GRACE_MS = 1_500
/** A worker that has not even delivered stage 1 this long after the deadline is given up. */
const STAGE1_LIMIT_MS = 30_000
/** An idle worker is kept this long for the next solve (it starts in ≈ 0.1–0.4 s), then stopped. */
const IDLE_MS = 60_000

export type SpreadStatus =
	/** HiGHS proved the fewest same-category neighbours; this result has them. */
	| 'optimal'
	/** HiGHS stopped at the time limit; its best assignment found is used (never worse than stage 1). */
	| 'time_limit'
	/** Nothing (left) to improve: no same-category neighbours after the quick swaps, or nothing to choose. */
	| 'not_needed'
	/** Not asked for: the exact stage's result as it is. */
	| 'skipped'
	/** No time was left for HiGHS, or it did not answer in time and was stopped; the quick swaps' result is used. */
	| 'timeout'
	/** The worker failed or its answer did not check out; the quick swaps' (or the exact stage's) result is used. */
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

let workerFile: string | null | undefined

/**
 * The worker to start: `<build dir>/allocation-worker.js` next to the built server (`<build
 * dir>/server/index.js`, bundled by scripts/build-allocation-worker.mjs), else, from the source
 * tree (vitest, tsx) or a build without that file, server/allocation-worker.mjs found by walking
 * up from this module (it loads the TypeScript worker with tsx, a devDependency). Null when
 * neither exists: the solve then runs on the main thread (see `allocateStands`).
 */
export function allocationWorkerFile(): string | null {
	if (workerFile !== undefined) return workerFile
	const here = path.dirname(fileURLToPath(import.meta.url))
	const built = path.resolve(here, '..', 'allocation-worker.js')
	if (existsSync(built)) return (workerFile = built)
	for (let dir = here; ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'server', 'allocation-worker.mjs')
		if (existsSync(candidate)) return (workerFile = candidate)
		if (path.dirname(dir) === dir) return (workerFile = null)
	}
}

// One worker, kept between solves, one job at a time (queued): the machine has few cores and the
// web server needs one.
let live: Worker | null = null
let idleTimer: ReturnType<typeof setTimeout> | undefined
let queue: Promise<unknown> = Promise.resolve()
let nextJobId = 1

function startWorker(): Worker {
	clearTimeout(idleTimer)
	if (live) return live
	const file = allocationWorkerFile()
	if (!file) throw new Error('no allocation worker file (build/allocation-worker.js or server/allocation-worker.mjs)')
	const worker = new Worker(file)
	// An idle worker never keeps the process alive; a running job has its own timers.
	worker.unref()
	worker.on('error', () => {}) // reported to the job in flight by its own listener
	worker.once('exit', () => {
		if (live === worker) live = null
	})
	live = worker
	return worker
}

function retire(worker: Worker) {
	if (live === worker) live = null
	void worker.terminate()
}

function keepIdle(worker: Worker) {
	clearTimeout(idleTimer)
	idleTimer = setTimeout(() => retire(worker), IDLE_MS)
	idleTimer.unref()
}

type JobAnswer =
	/** The worker finished the job. */
	| { kind: 'done'; exact: Stage; status: DoneStatus; result: AllocationResult; error?: string }
	/** Stopped waiting (deadline passed, worker died) after stage 1: `result` is the last one received. */
	| { kind: 'timeout' | 'failed'; exact: Stage; result: AllocationResult; error?: string }
	/** The job itself failed before stage 1 (an invalid input): the call fails. */
	| { kind: 'error'; error: string }
	/** No worker could start, or it gave nothing back: the main thread must do stage 1 itself. */
	| { kind: 'unavailable'; error: string }

type Stage = { result: AllocationResult; ms: number }

function runJob(job: AllocationJob): Promise<JobAnswer> {
	return new Promise((resolve) => {
		let worker: Worker
		try {
			worker = startWorker()
		} catch (error) {
			resolve({ kind: 'unavailable', error: error instanceof Error ? error.message : String(error) })
			return
		}
		let exact: Stage | null = null
		let latest: AllocationResult | null = null
		/** The result to stop with: the swaps' when spreading (they follow stage 1 within milliseconds). */
		let fallbackReady = false
		let expired = false
		let settled = false
		const finish = (answer: JobAnswer, stop: boolean) => {
			if (settled) return
			settled = true
			clearTimeout(timer)
			clearTimeout(hardTimer)
			worker.off('message', onMessage)
			worker.off('error', onError)
			worker.off('exit', onExit)
			if (stop) retire(worker)
			else keepIdle(worker)
			resolve(answer)
		}
		const stopWaiting = (kind: 'timeout' | 'failed', error?: string) =>
			finish(
				exact && latest ? { kind, exact, result: latest, ...(error ? { error } : {}) } : { kind: 'unavailable', error: error ?? 'the worker gave no result' },
				true,
			)
		const onMessage = (message: WorkerMessage) => {
			if (!('id' in message) || message.id !== job.id) return
			if (message.stage === 'error') return finish({ kind: 'error', error: message.error }, message.retire === true)
			if (message.stage === 'done') {
				if (!exact) return finish({ kind: 'unavailable', error: 'the worker finished without stage 1' }, true)
				return finish(
					{ kind: 'done', exact, status: message.status, result: message.result, ...(message.error ? { error: message.error } : {}) },
					message.retire === true,
				)
			}
			if (message.stage === 'exact') exact = { result: message.result, ms: message.ms }
			latest = message.result
			fallbackReady = message.stage === 'swaps' || !job.spread
			if (expired && fallbackReady) stopWaiting('timeout')
		}
		const onError = (error: Error) => stopWaiting('failed', error.message)
		const onExit = (code: number) => stopWaiting('failed', `worker exited with code ${code}`)
		const wait = Math.max(0, job.deadline - Date.now())
		const timer = setTimeout(() => {
			expired = true
			if (fallbackReady) stopWaiting('timeout')
		}, wait + GRACE_MS)
		const hardTimer = setTimeout(() => stopWaiting('timeout'), wait + STAGE1_LIMIT_MS)
		worker.on('message', onMessage)
		worker.on('error', onError)
		worker.on('exit', onExit)
		worker.postMessage(job)
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
	const turn = queue.then(() => runJob({ id: nextJobId++, input, deadline, spread }))
	queue = turn
	const answer = await turn
	if (answer.kind === 'error') throw new Error(answer.error)
	if (answer.kind === 'unavailable') {
		// Only when no worker could start (or it died before stage 1): stage 1 and the swaps here.
		const t = performance.now()
		const exact = allocateExact(input)
		const exactMs = performance.now() - t
		const result = spread && exact.sameCategoryPairs > 0 ? spreadBySwaps(input, exact) : exact
		return report(started, { result: exact, ms: exactMs }, spread ? 'failed' : 'skipped', result, answer.error)
	}
	const { exact } = answer
	const status: SpreadStatus = answer.kind === 'done' ? answer.status : answer.kind
	// The worker checks the spread stage's answer against the input; this guards the hand-over.
	if (!keepsOptimum(answer.result, exact.result)) return report(started, exact, 'failed', exact.result, 'the worker answer did not keep the optimum')
	return report(started, exact, status, answer.result, answer.error)
}

function report(started: number, exact: Stage, status: SpreadStatus, result: AllocationResult, error?: string): AllocationOutcome {
	return {
		...result,
		spread: {
			status,
			exactPairs: exact.result.sameCategoryPairs,
			pairs: result.sameCategoryPairs,
			exactMs: exact.ms,
			spreadMs: Math.max(0, performance.now() - started - exact.ms),
			...(error ? { error } : {}),
		},
	}
}

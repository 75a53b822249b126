// The stand allocation's worker thread: ALL of the solving happens here, so the server's event loop
// only posts the input and receives results (docs/decisions/0006-stand-allocation-solver.md).
// Started by app/services/workers/allocation-solver.server.ts, either as the bundle
// `<build dir>/allocation-worker.js` (scripts/build-allocation-worker.mjs, part of `npm run build`)
// or, from the source tree (vitest, tsx), through server/allocation-worker.mjs, which loads this
// file with tsx. The worker is kept between solves and takes one job at a time.
//
// Job in:  { id, input: AllocationInput, deadline: epoch ms, spread: boolean }
// Posts, in this order, for each job:
//   { id, stage: 'exact', result, ms }      stage 1 (munkres), the contract optimum: always first
//   { id, stage: 'swaps', result, ms }      the quick swaps (only when spread), as optimal as stage 1
//   { id, stage: 'done', status, result, error? }  the final result (the spread stage's, checked)
// The main thread keeps the last result it received, so it has an answer whenever it stops waiting.
import { parentPort } from 'node:worker_threads'
import loadHighs, { type Highs } from 'highs'
import { allocateExact } from '#app/domain/allocation/exact.ts'
import type { AllocationInput, AllocationResult } from '#app/domain/allocation/model.ts'
import { buildSpreadModel, readSpreadSolution } from '#app/domain/allocation/spread.ts'
import { spreadBySwaps } from '#app/domain/allocation/swaps.ts'

export type AllocationJob = { id: number; input: AllocationInput; deadline: number; spread: boolean }

export type DoneStatus = 'optimal' | 'time_limit' | 'not_needed' | 'skipped' | 'timeout' | 'failed'

export type WorkerMessage =
	| { id: number; stage: 'exact' | 'swaps'; result: AllocationResult; ms: number }
	| { id: number; stage: 'done'; status: DoneStatus; result: AllocationResult; error?: string; retire?: boolean }
	/** The job failed before stage 1 had a result (e.g. an invalid input): the call fails with it. */
	| { id: number; stage: 'error'; error: string; retire?: boolean }
	/** Posted once when the worker has started (HiGHS loaded), before any job. */
	| { stage: 'ready'; ms: number }

const OPTIMAL = 7
const FEASIBLE = 2

type HighsAnswer = { optimal: boolean; hasSolution: boolean; chosen: string[] }

function runHighs(highs: Highs, lp: string, start: Record<string, number>, deadline: number): HighsAnswer {
	const model = highs.createModel({ format: 'lp', data: lp })
	try {
		// Leave a little time to read the solution back before the caller's deadline.
		const seconds = Math.max(0.05, (deadline - Date.now() - 250) / 1000)
		model.options.set({
			output_flag: false,
			time_limit: seconds,
			random_seed: 1,
			// The objective is a whole number of pairs: a gap below 1 proves optimality.
			mip_abs_gap: 0.99,
			mip_rel_gap: 0,
		})
		const { numCols } = model.getDimensions()
		const names = Array.from({ length: numCols }, (_, j) => model.getColName(j))
		try {
			// The quick swaps' assignment is feasible: give it as the first incumbent.
			const values = new Float64Array(numCols)
			names.forEach((name, j) => {
				values[j] = start[name] ?? 0
			})
			model.setSolution({ colValue: values })
		} catch {
			// A start is only a help; solve without it.
		}
		const { modelStatus } = model.run()
		const hasSolution = Number(model.info.get('primal_solution_status')) === FEASIBLE
		const chosen: string[] = []
		if (hasSolution) {
			const { colValue } = model.getSolution()
			names.forEach((name, j) => {
				if (name.startsWith('x') && colValue[j]! > 0.5) chosen.push(name)
			})
		}
		return { optimal: Number(modelStatus) === OPTIMAL, hasSolution, chosen }
	} finally {
		model.dispose()
	}
}

/** One job, start to end; `post` gets the messages above. HiGHS errors are reported, not thrown. */
export function solveJob(job: AllocationJob, highs: Highs | null, post: (message: WorkerMessage) => void): void {
	const { id, input, deadline, spread } = job
	let started = performance.now()
	const exact = allocateExact(input)
	post({ id, stage: 'exact', result: exact, ms: performance.now() - started })
	if (!spread) return post({ id, stage: 'done', status: 'skipped', result: exact })

	started = performance.now()
	// Quick swaps first (milliseconds): the baseline and the MIP's start.
	const swapped = exact.sameCategoryPairs === 0 ? exact : spreadBySwaps(input, exact)
	post({ id, stage: 'swaps', result: swapped, ms: performance.now() - started })
	const done = (status: DoneStatus, result: AllocationResult, error?: string) => post({ id, stage: 'done', status, result, ...(error ? { error } : {}) })

	const model = swapped.sameCategoryPairs === 0 ? null : buildSpreadModel(input, swapped)
	if (!model || model.constantPairs === swapped.sameCategoryPairs) return done('not_needed', swapped)
	if (Date.now() >= deadline) return done('timeout', swapped)
	if (!highs) return done('failed', swapped, 'HiGHS did not load')
	const answer = runHighs(highs, model.lp, model.start, deadline)
	if (!answer.hasSolution) return done(answer.optimal ? 'failed' : 'timeout', swapped, answer.optimal ? 'no solution' : undefined)
	// Checked here, against the input: a valid assignment with both optimal values and no more pairs.
	const result = readSpreadSolution(input, swapped, answer.chosen)
	if (!result) return done('failed', swapped, 'the solver answer did not check out')
	done(answer.optimal ? 'optimal' : 'time_limit', result)
}

if (parentPort) {
	const port = parentPort
	const loadStarted = performance.now()
	let highs: Highs | null = null
	let loadError: string | null = null
	try {
		highs = await loadHighs()
	} catch (error) {
		loadError = error instanceof Error ? error.message : String(error)
	}
	port.postMessage({ stage: 'ready', ms: performance.now() - loadStarted } satisfies WorkerMessage)
	port.on('message', (job: AllocationJob) => {
		let lastResult: AllocationResult | null = null
		const post = (message: WorkerMessage) => {
			if ('result' in message) lastResult = message.result
			port.postMessage(message)
		}
		try {
			solveJob(job, highs, (message) => {
				if (message.stage === 'done' && message.status === 'failed' && loadError && !message.error) message.error = loadError
				post(message)
			})
		} catch (error) {
			// After stage 1 a failure leaves the last result standing; before it, the call fails.
			// HiGHS (WebAssembly) may be left in a bad state: `retire` asks for a new worker next time.
			const text = error instanceof Error ? error.message : String(error)
			if (lastResult) post({ id: job.id, stage: 'done', status: 'failed', result: lastResult, error: text, retire: true })
			else post({ id: job.id, stage: 'error', error: text })
		}
	})
}

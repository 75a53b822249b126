// The spread stage's MIP, solved by HiGHS (WebAssembly) in a worker thread so the server's event
// loop keeps answering. Plain JavaScript, never bundled: app/services/allocation-solver.server.ts
// finds this file on disk, both under vitest/tsx and from the built server (docs/decisions/0006).
//
// workerData: { lp: string (CPLEX LP format), start: { [column]: value }, deadline: epoch ms }
// Posts once: { ok: true, status, optimal, hasSolution, chosen: [x column names at 1], objective }
//          or { ok: false, error }.
import { parentPort, workerData } from 'node:worker_threads'
import loadHighs from 'highs'

const OPTIMAL = 7
const FEASIBLE = 2

function solve({ lp, start, deadline }, highs) {
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
			// The exact stage's assignment is feasible: give it as the first incumbent.
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
		const chosen = []
		if (hasSolution) {
			const { colValue } = model.getSolution()
			names.forEach((name, j) => {
				if (name.startsWith('x') && colValue[j] > 0.5) chosen.push(name)
			})
		}
		return {
			ok: true,
			status: modelStatus,
			optimal: modelStatus === OPTIMAL,
			hasSolution,
			chosen,
			objective: hasSolution ? model.getObjectiveValue() : null,
		}
	} finally {
		model.dispose()
	}
}

try {
	const highs = await loadHighs()
	parentPort.postMessage(solve(workerData, highs))
} catch (error) {
	parentPort.postMessage({ ok: false, error: String(error?.message ?? error) })
}

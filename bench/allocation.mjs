// Stand allocation (issue 6): random realistic fairs at 50×60, 200×220 and 400×440 (exhibitors ×
// stands): the exact stage's time (munkres), the spread stage's time (HiGHS MIP in a worker thread)
// and the same-category neighbouring pairs it leaves, against the plain assignment of stage 1.
// Goals: exact stage < 100 ms and spread stage < 10 s at 200×220. Needs no build (loads the
// TypeScript through tsx). `node bench/allocation.mjs`, or `npm run bench -- allocation`.
// BENCH_ALLOC_SEEDS (default 3) instances per size, BENCH_ALLOC_LIMIT_MS the spread time limit.
// Each instance is solved as a re-run (decision 0010): all but the last exhibitor were allocated
// and told their stand, then one more is accepted; `moved` is how many told exhibitors move.
import { pathToFileURL } from 'node:url'
import { tsImport } from 'tsx/esm/api'

const { allocateExact } = await tsImport('../app/domain/allocation/exact.ts', import.meta.url)
const { allocateStands } = await tsImport('../app/services/workers/allocation-solver.server.ts', import.meta.url)

const SEEDS = Number(process.env.BENCH_ALLOC_SEEDS ?? 3)
const LIMIT_MS = Number(process.env.BENCH_ALLOC_LIMIT_MS ?? 8_000)
const SIZES = (process.env.BENCH_ALLOC_SIZES ?? '50x60,200x220,400x440').split(',').map((s) => s.split('x').map(Number))
const CATEGORIES = ['food', 'handicrafts', 'textiles', 'upcycling', 'cosmetics', 'plants', 'services', 'other']
const CATEGORY_WEIGHTS = [5, 4, 3, 2, 2, 2, 1, 1]

function mulberry32(seed) {
	let a = seed >>> 0
	return () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

/**
 * A hall of back-to-back double rows of stands (widths 2–4, depth 2 or 3: 4–12 m²) with 3-unit
 * aisles between the double rows; ~30% of stands with power, ~10% accessible (the aisle ends).
 * Exhibitors: 8 categories (food most common), needs drawn so that some are tight, 0–3 ranked
 * preferences skewed towards the stands near the entrance.
 */
export function instance(apps, standCount, seed) {
	const rnd = mulberry32(seed)
	const pick = (list) => list[Math.floor(rnd() * list.length)]
	const stands = []
	const rowLength = 36
	let y = 0
	while (stands.length < standCount) {
		const depth = pick([2, 3])
		for (const side of [0, 1]) {
			let x = 0
			while (x < rowLength && stands.length < standCount) {
				const width = pick([2, 2, 2.5, 3, 3, 4])
				const end = x === 0 || x + width >= rowLength
				stands.push({
					label: `S${stands.length + 1}`,
					x,
					y: y + side * depth,
					width,
					height: depth,
					sizeM2: width * depth,
					power: rnd() < 0.3,
					accessible: end ? rnd() < 0.5 : rnd() < 0.05,
				})
				x += width
			}
		}
		y += 2 * depth + 3
	}
	const totalWeight = CATEGORY_WEIGHTS.reduce((s, w) => s + w, 0)
	const category = () => {
		let r = rnd() * totalWeight
		for (let k = 0; k < CATEGORIES.length; k++) if ((r -= CATEGORY_WEIGHTS[k]) < 0) return CATEGORIES[k]
		return 'other'
	}
	const applications = Array.from({ length: apps }, (_, i) => {
		const preferences = []
		const count = Math.floor(rnd() * 4)
		while (preferences.length < count) {
			const s = stands[Math.floor(standCount * rnd() * rnd())].label
			if (!preferences.includes(s)) preferences.push(s)
		}
		return {
			id: i + 1,
			category: category(),
			needs: { power: rnd() < 0.25, accessible: rnd() < 0.06, sizeM2: rnd() < 0.4 ? pick([4, 6, 6, 8, 9]) : null },
			preferences,
		}
	})
	// A few pins, as an organizer would set by hand.
	const pins = []
	for (let i = 0; i < Math.floor(apps / 25); i++) {
		const application = applications[i * 7]
		const stand = stands.find(
			(s) =>
				!pins.some((p) => p.standLabel === s.label) &&
				s.power >= application.needs.power &&
				s.accessible >= application.needs.accessible &&
				s.sizeM2 >= (application.needs.sizeM2 ?? 0),
		)
		if (stand) pins.push({ applicationId: application.id, standLabel: stand.label })
	}
	return { stands, applications, pins }
}

async function main() {
	const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
	const rows = []
	for (const [apps, standCount] of SIZES) {
		const exactTimes = []
		for (let seed = 1; seed <= SEEDS; seed++) {
			const fresh = instance(apps, standCount, seed * 7919 + apps)
			// Everyone but the last was allocated and told; the last one is newly accepted.
			const before = allocateExact({ ...fresh, applications: fresh.applications.slice(0, -1) })
			const standOf = new Map(before.assignments.map((a) => [a.applicationId, a.standLabel]))
			const input = { ...fresh, applications: fresh.applications.map((a) => ({ ...a, toldStand: standOf.get(a.id) ?? null })) }
			allocateExact(input) // warm up the JIT on this shape
			const times = []
			for (let i = 0; i < 5; i++) {
				const t = performance.now()
				allocateExact(input)
				times.push(performance.now() - t)
			}
			exactTimes.push(median(times))
			const outcome = await allocateStands(input, { timeLimitMs: LIMIT_MS })
			rows.push({
				size: `${apps}×${standCount}`,
				seed,
				'exact ms': median(times).toFixed(1),
				assigned: outcome.objective.assigned,
				'told moved': outcome.objective.moved,
				'pref. cost': outcome.objective.preferenceCost,
				'same-cat. pairs, plain': outcome.spread.exactPairs,
				'after spread': outcome.spread.pairs,
				'spread s': (outcome.spread.spreadMs / 1000).toFixed(2),
				status: outcome.spread.status,
			})
			console.error(`${apps}×${standCount} seed ${seed}: done (${outcome.spread.status})`)
		}
	}
	console.table(rows)
	console.log(`Spread time limit ${LIMIT_MS / 1000} s (HiGHS time_limit; the worker is stopped ${1.5} s after it).`)
	console.log('Goals at 200×220: exact stage < 100 ms, spread stage < 10 s.')
	console.log('Server p99 on other endpoints while a solve runs: bench/allocation-server.mjs (needs a build).')
}

// Importable (the instance generator) without running.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()

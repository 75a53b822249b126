// `npm run bench`: every benchmark, one after the other (they share the two cores).
// Needs a build (`npm run build`). Never part of `npm test`.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.dirname(fileURLToPath(import.meta.url))
const only = process.argv[2]
const benches = readdirSync(dir).filter((f) => f.endsWith('.mjs') && !['run.mjs', 'lib.mjs'].includes(f) && (!only || f.includes(only)))
let failed = 0
for (const file of benches) {
	console.log(`\n=== ${file} ===`)
	const result = spawnSync(process.execPath, [path.join(dir, file)], { stdio: 'inherit' })
	if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)

// Bundles the stand allocation's worker thread (app/services/workers/allocation-worker.server.ts with the
// domain code it runs: app/domain/allocation/, stand geometry) into build/allocation-worker.js,
// next to build/server/index.js, where app/services/workers/allocation-solver.server.ts looks for it first.
// Plain JavaScript at run time: no tsx needed in production. npm packages (highs, munkres) stay
// external: they are in node_modules. Part of `npm run build`; honours REMIX_BUILD_DIR.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outfile = path.join(process.env.REMIX_BUILD_DIR ?? 'build', 'allocation-worker.js')

const result = await build({
	absWorkingDir: root,
	entryPoints: ['app/services/workers/allocation-worker.server.ts'],
	outfile,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	logLevel: 'warning',
	metafile: true,
})

console.log(`${outfile}: ${Object.keys(result.metafile.inputs).length} modules bundled`)

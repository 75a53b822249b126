// Bundles the command line into build/cli.js, so an operator runs it with plain `node`
// (no tsx, no TypeScript at run time). npm packages stay external: they are in node_modules.
// esbuild 0.17 resolves our "#app/..." imports through package.json "imports" by itself.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const result = await build({
	absWorkingDir: root,
	entryPoints: ['app/cli/main.ts'],
	outfile: path.join(process.env.REMIX_BUILD_DIR ?? 'build', 'cli.js'),
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	banner: { js: '#!/usr/bin/env node' },
	logLevel: 'warning',
	metafile: true,
})

console.log(`${path.join(process.env.REMIX_BUILD_DIR ?? 'build', 'cli.js')}: ${Object.keys(result.metafile.inputs).length} modules bundled`)

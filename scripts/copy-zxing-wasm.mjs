// Copies the ZXing reader's WebAssembly (from the zxing-wasm package, which barcode-detector
// depends on) into public/scanner/, so the scanner page fetches it from our own origin and never
// from a CDN. The version is in the file name: a new zxing-wasm gets a new URL, and the scanner's
// service worker and the browser cache never hand out a stale binary. `npm run build` runs this
// before the Vite build copies public/ into the client build.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// Resolved from barcode-detector, so it is the zxing-wasm the ponyfill will load.
const fromPonyfill = createRequire(createRequire(path.join(root, 'package.json')).resolve('barcode-detector/ponyfill'))
const source = fromPonyfill.resolve('zxing-wasm/reader/zxing_reader.wasm')
const { version } = JSON.parse(readFileSync(path.resolve(path.dirname(source), '../../package.json'), 'utf8'))
const targetDir = path.join(root, 'public/scanner')
const target = path.join(targetDir, `zxing_reader-${version}.wasm`)

mkdirSync(targetDir, { recursive: true })
for (const name of readdirSync(targetDir)) {
	if (/^zxing_reader-.*\.wasm$/.test(name) && path.join(targetDir, name) !== target) rmSync(path.join(targetDir, name))
}
copyFileSync(source, target)
console.log(`${path.relative(root, target)}: zxing-wasm ${version} reader`)

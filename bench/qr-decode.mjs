// QR decode time per camera frame with the ZXing wasm the scanner ships (the same reader the
// barcode-detector ponyfill loads on phones without a native BarcodeDetector), run in Node's V8,
// the engine of Chromium. A 640×480 frame like a phone's preview, the QR of a real ticket code.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import QRCode from 'qrcode'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'

const require = createRequire(import.meta.url)
const wasmBinary = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'))
prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true })

const WIDTH = 640
const HEIGHT = 480
// A real ticket code's length (108 characters of base64url).
const code = 'AQAHAAAADAAADYABAgMEBQZofZenXJzhYsph-QKhA1vROb3ax1SA49Mz0qLnVri4jzN33Vado5KHVicYzMsvnMVTmiJOOHaVjIzSzo2flmUC'

function frame(text, { scale = 6, noise = 0 } = {}) {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
	const size = qr.modules.size
	const rgba = new Uint8ClampedArray(WIDTH * HEIGHT * 4)
	const side = (size + 8) * scale
	const left = Math.floor((WIDTH - side) / 2)
	const top = Math.floor((HEIGHT - side) / 2)
	for (let y = 0; y < HEIGHT; y++) {
		for (let x = 0; x < WIDTH; x++) {
			const col = Math.floor((x - left) / scale) - 4
			const row = Math.floor((y - top) / scale) - 4
			const dark = row >= 0 && col >= 0 && row < size && col < size && qr.modules.get(row, col)
			const v = Math.max(0, Math.min(255, (dark ? 30 : 220) + (noise ? (Math.random() - 0.5) * noise : 0)))
			const i = (y * WIDTH + x) * 4
			rgba[i] = rgba[i + 1] = rgba[i + 2] = v
			rgba[i + 3] = 255
		}
	}
	return { data: rgba, width: WIDTH, height: HEIGHT, colorSpace: 'srgb' }
}

const options = { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 }
const rows = []
for (const [name, image] of [
	['clean frame, QR 60% of height', frame(code)],
	['noisy frame (±40 grey levels)', frame(code, { noise: 80 })],
	['frame without a QR', { data: new Uint8ClampedArray(WIDTH * HEIGHT * 4).fill(200), width: WIDTH, height: HEIGHT, colorSpace: 'srgb' }],
]) {
	const first = await readBarcodes(image, options) // warm-up (and correctness)
	const runs = 50
	const times = []
	for (let i = 0; i < runs; i++) {
		const start = performance.now()
		await readBarcodes(image, options)
		times.push(performance.now() - start)
	}
	times.sort((a, b) => a - b)
	rows.push({
		frame: name,
		decoded: first[0]?.text === code ? 'yes' : first.length ? 'WRONG' : 'no',
		'p50 ms': times[25].toFixed(1),
		'p95 ms': times[47].toFixed(1),
	})
}
console.log(`\nQR decode per 640×480 frame, ZXing wasm (zxing-wasm/reader), 50 runs each (${new Date().toISOString()})\n`)
console.table(rows)
if (rows[0].decoded !== 'yes') process.exitCode = 1

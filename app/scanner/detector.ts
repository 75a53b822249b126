// QR decoding: the browser's own BarcodeDetector where it has one (Chrome on Android, ChromeOS,
// macOS), otherwise the barcode-detector ponyfill (ZXing compiled to WebAssembly). The .wasm comes
// from our own origin (scripts/copy-zxing-wasm.mjs puts it in public/scanner/), never from a CDN:
// the door has no reliable network, and the page's CSP allows only 'self'.
export type QrDetector = {
	kind: 'native' | 'zxing-wasm'
	/** The QR texts visible in this frame (usually none or one). */
	detect(source: HTMLVideoElement): Promise<string[]>
}

type DetectedLike = { rawValue: string }
type DetectorLike = { detect(source: HTMLVideoElement): Promise<DetectedLike[]> }
type DetectorClass = {
	new (options: { formats: string[] }): DetectorLike
	getSupportedFormats(): Promise<readonly string[]>
}

/** Where the ZXing reader's .wasm is served; the version is part of the name (cache busting). */
export function zxingWasmUrl(version: string) {
	return `/scanner/zxing_reader-${version}.wasm`
}

async function nativeDetector(): Promise<DetectorLike | undefined> {
	const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector
	if (!Native) return undefined
	try {
		const formats = await Native.getSupportedFormats()
		if (!formats.includes('qr_code')) return undefined
		return new Native({ formats: ['qr_code'] })
	} catch {
		return undefined
	}
}

let ponyfill: Promise<DetectorLike> | undefined

/** Loads the ponyfill (its own chunk) and its .wasm once, from our origin. */
export function loadPonyfill(): Promise<DetectorLike> {
	ponyfill ??= import('barcode-detector/ponyfill').then(async ({ BarcodeDetector, prepareZXingModule, ZXING_WASM_VERSION }) => {
		// Before the first detect(): every .wasm the module asks for comes from /scanner/.
		await prepareZXingModule({
			overrides: {
				locateFile: (file: string, prefix: string) =>
					file.endsWith('.wasm') ? new URL(zxingWasmUrl(ZXING_WASM_VERSION), location.origin).href : prefix + file,
			},
			fireImmediately: true,
		})
		return new BarcodeDetector({ formats: ['qr_code'] }) as unknown as DetectorLike
	})
	ponyfill.catch(() => {
		ponyfill = undefined
	})
	return ponyfill
}

/**
 * Loads whatever reader this browser will use, ahead of the camera: then the ponyfill's script and
 * .wasm are fetched while the network is there, and the service worker keeps them.
 */
export async function prepareQrDetector(): Promise<QrDetector['kind']> {
	if (await nativeDetector()) return 'native'
	await loadPonyfill()
	return 'zxing-wasm'
}

export async function createQrDetector(): Promise<QrDetector> {
	const native = await nativeDetector()
	const detector = native ?? (await loadPonyfill())
	return {
		kind: native ? 'native' : 'zxing-wasm',
		async detect(source) {
			if (source.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || source.videoWidth === 0) return []
			const found = await detector.detect(source)
			return found.map((barcode) => barcode.rawValue).filter((text) => text.length > 0)
		},
	}
}

// A phone camera for e2e tests: Chromium's fake capture device playing a .y4m video of a QR code.
// The video is drawn from the QR's own module matrix (the `qrcode` package the app uses), so what
// the scanner page reads through getUserMedia is exactly the ticket's text.
import { writeFileSync } from 'node:fs'
import QRCode from 'qrcode'
import { chromium, type Browser } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts'

const WIDTH = 640
const HEIGHT = 480
const DARK = 16
const LIGHT = 235
const QUIET_MODULES = 4

/**
 * Writes a 640×480 YUV4MPEG2 (4:2:0) video of `text` as a QR code: a few identical frames, which
 * Chromium loops. Dark modules are luma 16, light ones and the quiet zone 235, chroma neutral.
 */
export function writeQrVideo(text: string, file: string, frames = 4) {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
	const size = qr.modules.size
	const scale = Math.floor((HEIGHT - 40) / (size + 2 * QUIET_MODULES))
	const side = (size + 2 * QUIET_MODULES) * scale
	const left = Math.floor((WIDTH - side) / 2)
	const top = Math.floor((HEIGHT - side) / 2)
	const luma = Buffer.alloc(WIDTH * HEIGHT, LIGHT)
	for (let row = 0; row < size; row++) {
		for (let col = 0; col < size; col++) {
			if (!qr.modules.get(row, col)) continue
			const y0 = top + (row + QUIET_MODULES) * scale
			const x0 = left + (col + QUIET_MODULES) * scale
			for (let y = y0; y < y0 + scale; y++) luma.fill(DARK, y * WIDTH + x0, y * WIDTH + x0 + scale)
		}
	}
	const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128)
	const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma])
	const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`)
	writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]))
}

/** A Chromium of its own whose camera plays `video` (grant the `camera` permission on the context). */
export function launchBrowserWithCamera(video: string): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
	})
}

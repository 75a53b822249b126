// The QR code of a ticket as SVG: one <path> of dark modules, drawn in whole-module units with a
// four-module quiet zone, so it stays sharp at any size and prints well. The same drawing serves
// the ticket page (inline), /tickets/{token}/qr.svg and mail.
import QRCode from 'qrcode'

const QUIET_ZONE = 4

export type QrDrawing = {
	/** Width and height of the viewBox, in modules, quiet zone included. */
	size: number
	/** The dark modules as SVG path data (runs of modules merged per row). */
	path: string
}

/** Error correction M: the code survives a scratched or dim phone screen (15 %) at a modest size. */
export function drawQr(text: string): QrDrawing {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
	const n = modules.size
	const parts: string[] = []
	for (let row = 0; row < n; row++) {
		let col = 0
		while (col < n) {
			if (!modules.get(row, col)) {
				col++
				continue
			}
			const start = col
			while (col < n && modules.get(row, col)) col++
			const length = col - start
			parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${length}v1h-${length}z`)
		}
	}
	return { size: n + 2 * QUIET_ZONE, path: parts.join('') }
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A standalone SVG document (image/svg+xml), `title` as its accessible name. */
export function qrSvgDocument(text: string, title: string): string {
	const { size, path } = drawQr(text)
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 8}" height="${size * 8}" shape-rendering="crispEdges" role="img">` +
		`<title>${escapeXml(title)}</title>` +
		`<rect width="${size}" height="${size}" fill="#fff"/>` +
		`<path d="${path}" fill="#000"/>` +
		`</svg>\n`
	)
}

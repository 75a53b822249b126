// The ticket's QR code as a PNG for mail (clients refuse SVG and data: URIs). A black-and-white
// image needs 1 bit a pixel, so the PNG is written here directly: about 1 ms, where the qrcode
// package's general RGBA renderer takes 10–40 ms, and mail is rendered in the server's process.
import { crc32, deflateSync } from 'node:zlib'
import QRCode from 'qrcode'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function chunk(type: string, data: Buffer): Buffer {
	const head = Buffer.alloc(8)
	head.writeUInt32BE(data.length, 0)
	head.write(type, 4, 'latin1')
	const crc = Buffer.alloc(4)
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0)
	return Buffer.concat([head, data, crc])
}

/**
 * `text` as a QR code (error correction M, like the ticket page's SVG), `scale` pixels a module,
 * with a quiet zone of `margin` modules: a 1-bit grayscale PNG, white background.
 */
export function qrPng(text: string, options: { scale?: number; margin?: number } = {}): Buffer {
	const scale = options.scale ?? 6
	const margin = options.margin ?? 4
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' })
	const n = modules.size
	const size = (n + 2 * margin) * scale
	const rowBytes = Math.ceil(size / 8)
	// Each row: a filter byte (0, none), then pixels packed 8 a byte; bit set = white. A module
	// row is packed once and copied `scale` times.
	const stride = rowBytes + 1
	const raw = Buffer.alloc(stride * size, 0xff)
	const packed = Buffer.alloc(stride)
	for (let moduleY = 0; moduleY < n; moduleY++) {
		packed.fill(0xff)
		packed[0] = 0
		for (let x = margin * scale; x < (margin + n) * scale; x++) {
			if (!modules.get(moduleY, Math.floor(x / scale) - margin)) continue
			const at = 1 + (x >> 3)
			packed[at] = packed[at]! & ~(0x80 >> (x & 7))
		}
		for (let y = (moduleY + margin) * scale; y < (moduleY + margin + 1) * scale; y++) packed.copy(raw, y * stride)
	}
	for (let y = 0; y < size; y++) raw[y * stride] = 0
	const header = Buffer.alloc(13)
	header.writeUInt32BE(size, 0)
	header.writeUInt32BE(size, 4)
	header[8] = 1 // bit depth
	header[9] = 0 // grayscale
	// compression, filter method, interlace: 0
	return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

// Reads the QR code a PDF carries as an embedded image (the certificate of attendance): the image
// XObjects are taken out with pdf-lib, inflated, and decoded with jsQR. No rendering needed.
import { inflateSync } from 'node:zlib'
import jsQR from 'jsqr'
import { PDFDocument, PDFName, type PDFNumber, PDFRawStream } from 'pdf-lib'

/** The text of every QR code found in the PDF's images. */
export async function qrTextsInPdf(bytes: Uint8Array): Promise<string[]> {
	const pdf = await PDFDocument.load(bytes)
	const texts: string[] = []
	for (const [, object] of pdf.context.enumerateIndirectObjects()) {
		if (!(object instanceof PDFRawStream)) continue
		const dict = object.dict
		if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue
		const width = (dict.get(PDFName.of('Width')) as PDFNumber).asNumber()
		const height = (dict.get(PDFName.of('Height')) as PDFNumber).asNumber()
		const raw = dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') ? inflateSync(object.contents) : Buffer.from(object.contents)
		const components = raw.length / (width * height)
		if (!Number.isInteger(components) || components < 1) continue
		const rgba = new Uint8ClampedArray(width * height * 4)
		for (let i = 0; i < width * height; i++) {
			const px = raw.subarray(i * components, i * components + components)
			rgba[i * 4] = px[0]!
			rgba[i * 4 + 1] = px[components >= 3 ? 1 : 0]!
			rgba[i * 4 + 2] = px[components >= 3 ? 2 : 0]!
			rgba[i * 4 + 3] = 255
		}
		const found = jsQR(rgba, width, height)
		if (found) texts.push(found.data)
	}
	return texts
}

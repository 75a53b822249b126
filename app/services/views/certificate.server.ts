// Certificates of attendance (issue 16): who may have one, the PDF (pdf-lib with the DejaVu Sans
// font shipped in assets/fonts, Latin and Cyrillic; never fetched), its QR code pointing to
// /certificates/{code}, and what that page says. In the ticket's language and script.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib'
import QRCode from 'qrcode'
import type { EventRow, RegistrationRow } from '#db/schema/index.ts'
import { registrationWithEvent } from '#app/services/queries/reports.server.ts'
import { eventTitleIn } from '#app/domain/event-text.ts'
import { formatLongDate, formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { fitText } from '#app/domain/text-fit.ts'
import type { Db } from '#app/utils/db.server.ts'
import { getT } from '#app/utils/i18n.server.ts'
import { checkCertificateCode, issueCertificateCode } from '#app/utils/ticket-keys.server.ts'

/** A checked-in, confirmed registration of an event with certificates on. */
export function mayHaveCertificate(registration: RegistrationRow, event: EventRow): boolean {
	return event.certificates && event.status !== 'draft' && registration.status === 'confirmed' && registration.checkedInAt !== null
}

export function certificateUrl(publicUrl: string, registration: RegistrationRow, event: EventRow): string {
	return `${publicUrl}/certificates/${issueCertificateCode(event.id, registration.id)}`
}

export async function certificateQrPng(url: string): Promise<Buffer> {
	return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 })
}

// Read once from the project root (server.mjs and the CLI run from there).
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined
function fontBytes() {
	const dir = path.join(process.cwd(), 'assets', 'fonts')
	fonts ??= { regular: readFileSync(path.join(dir, 'DejaVuSans.ttf')), bold: readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')) }
	return fonts
}

function hoursOf(event: EventRow): number {
	return Math.round(((event.endsAt.getTime() - event.startsAt.getTime()) / 3_600_000) * 10) / 10
}

/** The certificate's PDF: one A4 page, landscape. */
export async function certificatePdf(registration: RegistrationRow, event: EventRow, locale: Locale, publicUrl: string): Promise<Uint8Array> {
	const t = getT(locale, ['reports', 'common'])
	const url = certificateUrl(publicUrl, registration, event)
	const pdf = await PDFDocument.create()
	pdf.registerFontkit(fontkit)
	const { regular, bold } = fontBytes()
	// Not subset: fontkit's subsetting loses some Cyrillic glyphs; the whole font is ~700 KiB.
	const font = await pdf.embedFont(regular)
	const boldFont = await pdf.embedFont(bold)
	const title = t('reports:certificate.pdfTitle')
	pdf.setTitle(`${title} – ${registration.name}`)
	pdf.setAuthor(t('common:centerName'))
	pdf.setLanguage(locale === 'en' ? 'en-GB' : locale === 'sr-Cyrl' ? 'sr-Cyrl-RS' : 'sr-Latn-RS')
	const page = pdf.addPage([841.89, 595.28])
	const { width, height } = page.getSize()
	const green = rgb(0.075, 0.42, 0.353)
	const ink = rgb(0.11, 0.14, 0.13)
	page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: green, borderWidth: 3 })
	const room = width - 120
	const center = (text: string, y: number, size: number, f: PDFFont, color = ink) => {
		let s = size
		while (f.widthOfTextAtSize(text, s) > room && s > 8) s -= 1
		page.drawText(text, { x: (width - f.widthOfTextAtSize(text, s)) / 2, y, size: s, font: f, color })
	}
	/** A long name or title: wrapped onto a few centred lines before it is shrunk; the baseline after its last line. */
	const centerBlock = (text: string, y: number, options: { size: number; minSize: number; maxLines: number }, f: PDFFont, color = ink) => {
		const fitted = fitText(text, (t, size) => f.widthOfTextAtSize(t, size), room, options)
		let baseline = y
		for (const [i, line] of fitted.lines.entries()) {
			if (i > 0) baseline -= fitted.size * 1.2
			page.drawText(line, { x: (width - f.widthOfTextAtSize(line, fitted.size)) / 2, y: baseline, size: fitted.size, font: f, color })
		}
		return baseline
	}
	center(t('common:centerName'), height - 80, 16, boldFont, green)
	center(title.toUpperCase(), height - 140, 30, boldFont)
	center(t('reports:certificate.intro'), height - 195, 14, font)
	// The name as the person wrote it (names are not transliterated); the rest in the ticket's script.
	let y = centerBlock(registration.name, height - 240, { size: 28, minSize: 18, maxLines: 2 }, boldFont, green)
	center(t('reports:certificate.tookPart'), (y -= 40), 14, font)
	y = centerBlock(eventTitleIn(event, locale), y - 38, { size: 20, minSize: 13, maxLines: 3 }, boldFont)
	center(t('reports:certificate.date', { date: formatLongDate(event.startsAt, locale) }), (y -= 37), 13, font)
	const hours = hoursOf(event)
	center(t('reports:certificate.hours', { count: hours, hours: formatNumber(hours, locale) }), y - 20, 13, font)
	const qr = await pdf.embedPng(await certificateQrPng(url))
	const qrSize = 120
	page.drawImage(qr, { x: width - 48 - qrSize, y: 48, width: qrSize, height: qrSize })
	page.drawText(t('reports:certificate.check'), { x: 56, y: 96, size: 10, font, color: ink, maxWidth: width - 56 - 48 - qrSize - 24 })
	// The address in two lines (the site, then the code), each small enough to stay clear of the QR.
	const cut = url.lastIndexOf('/') + 1
	const urlRoom = width - 56 - 48 - qrSize - 24
	for (const [i, line] of [url.slice(0, cut), url.slice(cut)].entries()) {
		let size = 9
		while (font.widthOfTextAtSize(line, size) > urlRoom && size > 4) size -= 0.5
		page.drawText(line, { x: 56, y: 78 - i * 13, size, font, color: ink })
	}
	return pdf.save()
}

export type CertificateCheck = { valid: true; name: string; event: string; date: string } | { valid: false }

/** What /certificates/{code} says: genuine and still standing, or not. Never throws for bad input. */
export function checkCertificate(db: Db, code: string, locale: Locale): CertificateCheck {
	const claims = checkCertificateCode(code)
	if (!claims) return { valid: false }
	const row = registrationWithEvent(db, claims.registrationId, claims.eventId)
	if (!row || !mayHaveCertificate(row.registration, row.event)) return { valid: false }
	return { valid: true, name: row.registration.name, event: eventTitleIn(row.event, locale), date: formatLongDate(row.event.startsAt, locale) }
}

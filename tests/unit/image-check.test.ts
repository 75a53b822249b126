import { describe, expect, test } from 'vitest'
import { checkUpload, detectImageType, MAX_IMAGE_BYTES } from '#app/domain/image-check.ts'

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])
const webp = new Uint8Array([...new TextEncoder().encode('RIFF'), 0x24, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8 ')])
const text = (s: string) => new TextEncoder().encode(s)

describe('detectImageType', () => {
	test('recognizes PNG, JPEG and WebP by their first bytes', () => {
		expect(detectImageType(png)).toBe('png')
		expect(detectImageType(jpeg)).toBe('jpeg')
		expect(detectImageType(webp)).toBe('webp')
	})

	test('anything else is not an image we take', () => {
		expect(detectImageType(text('GIF89a......'))).toBeNull()
		expect(detectImageType(text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull()
		expect(detectImageType(text('RIFF\x24\x00\x00\x00WAVEfmt '))).toBeNull()
		expect(detectImageType(text('%PDF-1.7'))).toBeNull()
		expect(detectImageType(new Uint8Array())).toBeNull()
	})

	test('truncated signatures are not enough', () => {
		expect(detectImageType(png.slice(0, 7))).toBeNull()
		expect(detectImageType(jpeg.slice(0, 2))).toBeNull()
		expect(detectImageType(webp.slice(0, 11))).toBeNull()
	})
})

describe('checkUpload', () => {
	test('content decides, not the declared type', () => {
		expect(checkUpload(jpeg, 'image/png')).toEqual({ ok: true, type: 'jpeg', mimeType: 'image/jpeg' })
		expect(checkUpload(text('<script>alert(1)</script>'), 'image/png')).toEqual({ ok: false, key: 'imageNotAllowed' })
	})

	test('empty and oversize files are refused', () => {
		expect(checkUpload(new Uint8Array())).toEqual({ ok: false, key: 'imageEmpty' })
		const big = new Uint8Array(MAX_IMAGE_BYTES + 1)
		big.set(png)
		expect(checkUpload(big)).toEqual({ ok: false, key: 'imageTooLarge' })
		const justFits = new Uint8Array(MAX_IMAGE_BYTES)
		justFits.set(png)
		expect(checkUpload(justFits)).toMatchObject({ ok: true, type: 'png' })
	})

	test('the limit can be lowered', () => {
		expect(checkUpload(png, undefined, 8)).toEqual({ ok: false, key: 'imageTooLarge' })
	})
})

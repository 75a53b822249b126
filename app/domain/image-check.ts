// Is an uploaded logo or product photo really a PNG, JPEG or WebP, and small enough? The bytes
// decide: a file name or a declared Content-Type is whatever the client says, so both are ignored.

export type ImageType = 'png' | 'jpeg' | 'webp'
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024
export const IMAGE_MIME_TYPES: Record<ImageType, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' }

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG_SOI = [0xff, 0xd8, 0xff]
const RIFF = [0x52, 0x49, 0x46, 0x46]
const WEBP = [0x57, 0x45, 0x42, 0x50]

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
	if (bytes.length < offset + signature.length) return false
	return signature.every((byte, i) => bytes[offset + i] === byte)
}

export function detectImageType(bytes: Uint8Array): ImageType | null {
	if (startsWith(bytes, PNG_SIGNATURE)) return 'png'
	if (startsWith(bytes, JPEG_SOI)) return 'jpeg'
	// RIFF, a 4-byte little-endian size, then the form type "WEBP".
	if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'webp'
	return null
}

export type UploadCheck = { ok: true; type: ImageType; mimeType: string } | { ok: false; key: 'imageEmpty' | 'imageTooLarge' | 'imageNotAllowed' }

/**
 * `declaredType` is accepted so callers can pass what they have, and deliberately not trusted: a
 * JPEG declared as PNG is stored as the JPEG it is, a script declared as PNG is refused.
 */
export function checkUpload(bytes: Uint8Array, _declaredType?: string, maxBytes: number = MAX_IMAGE_BYTES): UploadCheck {
	if (bytes.length === 0) return { ok: false, key: 'imageEmpty' }
	if (bytes.length > maxBytes) return { ok: false, key: 'imageTooLarge' }
	const type = detectImageType(bytes)
	if (!type) return { ok: false, key: 'imageNotAllowed' }
	return { ok: true, type, mimeType: IMAGE_MIME_TYPES[type] }
}

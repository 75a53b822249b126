// Signed ticket codes: what the QR on a ticket holds. A scanner with only the public keys can tell
// a real ticket from a forged or altered one, offline.
//
// Layout, version 1 (81 bytes, written as 108 characters of base64url, no padding):
//   [0]      0x01 version
//   [1..2]   key id (u16, big-endian): which signing key; old keys stay valid after rotation
//   [3..6]   event id (u32)
//   [7..10]  registration id (u32)
//   [11..16] 6 random bytes: every (re)issued ticket has a new code, so an old one can be revoked
//   [17..80] Ed25519 signature of bytes 0..16
// 81 is a multiple of 3, so every character carries data bits and no two texts decode to the
// same bytes; decoding also refuses any text that does not re-encode to itself.
//
// The one reading of that layout, free of Node APIs: the server signs and verifies with
// node:crypto (ticket-signature.ts), the phone verifies with WebCrypto (app/scanner/ticket-code.ts),
// and both take the code apart here.

export const TICKET_CODE_VERSION = 1
/** Bytes 0..16 are signed. */
export const TICKET_SIGNED_BYTES = 17
export const TICKET_SIGNATURE_BYTES = 64
export const TICKET_NONCE_BYTES = 6
export const TICKET_CODE_BYTES = TICKET_SIGNED_BYTES + TICKET_SIGNATURE_BYTES
export const TICKET_CODE_LENGTH = (TICKET_CODE_BYTES / 3) * 4

export type TicketClaims = { keyId: number; eventId: number; registrationId: number; nonce: Uint8Array }

/** A code taken apart, before any signature check. */
export type ReadableTicketCode = { readable: true; claims: TicketClaims; signed: Uint8Array<ArrayBuffer>; signature: Uint8Array<ArrayBuffer> }
/** Why a text cannot be one of our codes. */
export type TicketCodeProblem = 'malformed' | 'unknown_version'
export type TicketCodeReading = ReadableTicketCode | { readable: false; reason: TicketCodeProblem }

export function base64urlEncode(bytes: Uint8Array): string {
	let binary = ''
	for (const byte of bytes) binary += String.fromCharCode(byte)
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> | undefined {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined
	const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
	try {
		const binary = atob(padded)
		const bytes = new Uint8Array(binary.length)
		for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
		return bytes
	} catch {
		return undefined
	}
}

/** The claims and the signed bytes of a code. Never throws for bad input. */
export function readTicketCode(code: string): TicketCodeReading {
	if (typeof code !== 'string' || code.length !== TICKET_CODE_LENGTH) return { readable: false, reason: 'malformed' }
	const bytes = base64urlDecode(code)
	// Only the canonical spelling: two texts must never stand for the same ticket.
	if (!bytes || bytes.length !== TICKET_CODE_BYTES || base64urlEncode(bytes) !== code) return { readable: false, reason: 'malformed' }
	if (bytes[0] !== TICKET_CODE_VERSION) return { readable: false, reason: 'unknown_version' }
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
	return {
		readable: true,
		claims: {
			keyId: view.getUint16(1),
			eventId: view.getUint32(3),
			registrationId: view.getUint32(7),
			nonce: bytes.slice(11, 11 + TICKET_NONCE_BYTES),
		},
		signed: bytes.subarray(0, TICKET_SIGNED_BYTES),
		signature: bytes.subarray(TICKET_SIGNED_BYTES),
	}
}

function u32(value: number, what: string) {
	if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`${what} out of range: ${value}`)
	return value
}

/** The bytes a signature covers (0..16), for these claims. Throws for claims that do not fit. */
export function signedTicketBytes(claims: TicketClaims): Uint8Array<ArrayBuffer> {
	if (claims.nonce.length !== TICKET_NONCE_BYTES) throw new RangeError(`nonce must be ${TICKET_NONCE_BYTES} bytes`)
	if (!Number.isInteger(claims.keyId) || claims.keyId < 0 || claims.keyId > 0xffff) throw new RangeError('keyId out of range')
	const bytes = new Uint8Array(TICKET_SIGNED_BYTES)
	const view = new DataView(bytes.buffer)
	view.setUint8(0, TICKET_CODE_VERSION)
	view.setUint16(1, claims.keyId)
	view.setUint32(3, u32(claims.eventId, 'eventId'))
	view.setUint32(7, u32(claims.registrationId, 'registrationId'))
	bytes.set(claims.nonce, 11)
	return bytes
}

/** The code's text: the signed bytes followed by their signature. */
export function writeTicketCode(signed: Uint8Array, signature: Uint8Array): string {
	if (signed.length !== TICKET_SIGNED_BYTES || signature.length !== TICKET_SIGNATURE_BYTES) throw new RangeError('not a ticket code')
	const bytes = new Uint8Array(TICKET_CODE_BYTES)
	bytes.set(signed, 0)
	bytes.set(signature, TICKET_SIGNED_BYTES)
	return base64urlEncode(bytes)
}

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
import { sign, verify, type KeyObject } from 'node:crypto'

export const TICKET_CODE_VERSION = 1
const SIGNED_LENGTH = 17
const SIGNATURE_LENGTH = 64
export const TICKET_CODE_BYTES = SIGNED_LENGTH + SIGNATURE_LENGTH
export const TICKET_CODE_LENGTH = (TICKET_CODE_BYTES / 3) * 4

export type TicketClaims = { keyId: number; eventId: number; registrationId: number; nonce: Uint8Array }

export type TicketVerification =
	{ valid: true; claims: TicketClaims } | { valid: false; reason: 'malformed' | 'unknown_version' | 'unknown_key' | 'bad_signature' }

function u32(value: number, what: string) {
	if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`${what} out of range: ${value}`)
	return value
}

export function signTicketCode(claims: TicketClaims, privateKey: KeyObject): string {
	if (claims.nonce.length !== 6) throw new RangeError('nonce must be 6 bytes')
	if (!Number.isInteger(claims.keyId) || claims.keyId < 0 || claims.keyId > 0xffff) throw new RangeError('keyId out of range')
	const bytes = Buffer.alloc(TICKET_CODE_BYTES)
	bytes.writeUInt8(TICKET_CODE_VERSION, 0)
	bytes.writeUInt16BE(claims.keyId, 1)
	bytes.writeUInt32BE(u32(claims.eventId, 'eventId'), 3)
	bytes.writeUInt32BE(u32(claims.registrationId, 'registrationId'), 7)
	Buffer.from(claims.nonce).copy(bytes, 11)
	sign(null, bytes.subarray(0, SIGNED_LENGTH), privateKey).copy(bytes, SIGNED_LENGTH)
	return bytes.toString('base64url')
}

/** The claims, before any signature check: for looking a code up. Undefined if it cannot be one of ours. */
export function readTicketCode(code: string): (TicketClaims & { bytes: Buffer }) | undefined {
	if (typeof code !== 'string' || code.length !== TICKET_CODE_LENGTH || !/^[A-Za-z0-9_-]+$/.test(code)) return undefined
	const bytes = Buffer.from(code, 'base64url')
	if (bytes.length !== TICKET_CODE_BYTES || bytes.toString('base64url') !== code) return undefined
	return {
		bytes,
		keyId: bytes.readUInt16BE(1),
		eventId: bytes.readUInt32BE(3),
		registrationId: bytes.readUInt32BE(7),
		nonce: new Uint8Array(bytes.subarray(11, 17)),
	}
}

/** Checks a code against the known public keys (by key id). Never throws for bad input. */
export function verifyTicketCode(code: string, publicKeys: ReadonlyMap<number, KeyObject>): TicketVerification {
	const read = readTicketCode(typeof code === 'string' ? code.trim() : '')
	if (!read) return { valid: false, reason: 'malformed' }
	if (read.bytes[0] !== TICKET_CODE_VERSION) return { valid: false, reason: 'unknown_version' }
	const key = publicKeys.get(read.keyId)
	if (!key) return { valid: false, reason: 'unknown_key' }
	const ok = verify(null, read.bytes.subarray(0, SIGNED_LENGTH), key, read.bytes.subarray(SIGNED_LENGTH))
	if (!ok) return { valid: false, reason: 'bad_signature' }
	const { bytes: _bytes, ...claims } = read
	return { valid: true, claims }
}

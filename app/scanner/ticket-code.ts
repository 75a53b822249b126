// The browser's reading of a signed ticket code (the layout is app/domain/ticket-code.ts, which
// uses node:crypto and cannot run here). WebCrypto checks the Ed25519 signature with the event's
// public keys, so a phone tells a real ticket from a forged or altered one without the network.
export const TICKET_CODE_BYTES = 81
const SIGNED_LENGTH = 17
const TICKET_CODE_LENGTH = 108
const TICKET_CODE_VERSION = 1

export type ReadCode = { keyId: number; eventId: number; registrationId: number; bytes: Uint8Array<ArrayBuffer> }

export type PublicKeyJwk = { keyId: number; kty: 'OKP'; crv: 'Ed25519'; x: string }

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

export function base64urlEncode(bytes: Uint8Array): string {
	let binary = ''
	for (const byte of bytes) binary += String.fromCharCode(byte)
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The claims of a code, before any signature check; undefined when it cannot be one of ours. */
export function readTicketCode(code: string): ReadCode | undefined {
	if (code.length !== TICKET_CODE_LENGTH) return undefined
	const bytes = base64urlDecode(code)
	// Only the canonical spelling: two texts must never stand for the same ticket.
	if (!bytes || bytes.length !== TICKET_CODE_BYTES || base64urlEncode(bytes) !== code) return undefined
	if (bytes[0] !== TICKET_CODE_VERSION) return undefined
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
	return { keyId: view.getUint16(1), eventId: view.getUint32(3), registrationId: view.getUint32(7), bytes }
}

const imported = new Map<string, Promise<CryptoKey | null>>()

/** The WebCrypto key for a JWK, imported once; null when this browser has no Ed25519. */
function importKey(key: PublicKeyJwk): Promise<CryptoKey | null> {
	let found = imported.get(key.x)
	if (!found) {
		found = crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: key.x }, { name: 'Ed25519' }, false, ['verify']).catch(() => null)
		imported.set(key.x, found)
	}
	return found
}

export type SignatureCheck = 'valid' | 'invalid' | 'unsupported'

/** Checks the code's signature with the key it names. 'unsupported': this browser cannot tell. */
export async function checkSignature(code: ReadCode, keys: readonly PublicKeyJwk[]): Promise<SignatureCheck> {
	const jwk = keys.find((k) => k.keyId === code.keyId)
	if (!jwk) return 'invalid'
	const key = await importKey(jwk)
	if (!key) return 'unsupported'
	const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, code.bytes.subarray(SIGNED_LENGTH), code.bytes.subarray(0, SIGNED_LENGTH))
	return ok ? 'valid' : 'invalid'
}

/** base64url SHA-256 of the code's text: how the offline dataset names a ticket's current code. */
export async function codeHash(code: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code))
	return base64urlEncode(new Uint8Array(digest))
}

// The browser's check of a signed ticket code. The layout is read by app/domain/ticket-code.ts, as
// on the server; WebCrypto checks the Ed25519 signature with the event's public keys, so a phone
// tells a real ticket from a forged or altered one without the network.
import type { TicketKeyJwk } from '#app/domain/checkin-contract.ts'
import { CODE_HASH_BYTES } from '#app/domain/offline-dataset.ts'
import { base64urlEncode, type ReadableTicketCode } from '#app/domain/ticket-code.ts'

const imported = new Map<string, Promise<CryptoKey | null>>()

/** The WebCrypto key for a JWK, imported once; null when this browser has no Ed25519. */
function importKey(key: TicketKeyJwk): Promise<CryptoKey | null> {
	let found = imported.get(key.x)
	if (!found) {
		found = crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: key.x }, { name: 'Ed25519' }, false, ['verify']).catch(() => null)
		imported.set(key.x, found)
	}
	return found
}

export type SignatureCheck = 'valid' | 'invalid' | 'unsupported'

/** Checks a readable code's signature with the key it names. 'unsupported': this browser cannot tell. */
export async function checkSignature(code: ReadableTicketCode, keys: readonly TicketKeyJwk[]): Promise<SignatureCheck> {
	const jwk = keys.find((k) => k.keyId === code.claims.keyId)
	if (!jwk) return 'invalid'
	const key = await importKey(jwk)
	if (!key) return 'unsupported'
	const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, code.signature, code.signed)
	return ok ? 'valid' : 'invalid'
}

/** base64url of the first 96 bits of the code's SHA-256: how the offline dataset names a ticket's current code (OfflineTicket.codeHash). */
export async function codeHash(code: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code))
	return base64urlEncode(new Uint8Array(digest, 0, CODE_HASH_BYTES))
}

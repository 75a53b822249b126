// Signing and checking ticket codes on the server (node:crypto, Ed25519). The layout is
// ticket-code.ts, which the phone reads too; the keys are the caller's (ticket-keys.server.ts).
import { sign, verify, type KeyObject } from 'node:crypto'
import { readCertificateCode, signedCertificateBytes, writeCertificateCode, type CertificateClaims } from './certificate-code.ts'
import { readTicketCode, signedTicketBytes, writeTicketCode, type TicketClaims, type TicketCodeProblem } from './ticket-code.ts'

export type TicketVerification = { valid: true; claims: TicketClaims } | { valid: false; reason: TicketCodeProblem | 'unknown_key' | 'bad_signature' }

export function signTicketCode(claims: TicketClaims, privateKey: KeyObject): string {
	const signed = signedTicketBytes(claims)
	return writeTicketCode(signed, sign(null, signed, privateKey))
}

/** Checks a code against the known public keys (by key id). Never throws for bad input. */
export function verifyTicketCode(code: string, publicKeys: ReadonlyMap<number, KeyObject>): TicketVerification {
	const read = readTicketCode(typeof code === 'string' ? code.trim() : '')
	if (!read.readable) return { valid: false, reason: read.reason }
	const key = publicKeys.get(read.claims.keyId)
	if (!key) return { valid: false, reason: 'unknown_key' }
	if (!verify(null, read.signed, key, read.signature)) return { valid: false, reason: 'bad_signature' }
	return { valid: true, claims: read.claims }
}

/** A certificate of attendance's code (certificate-code.ts), signed with a ticket key. */
export function signCertificateCode(claims: CertificateClaims, privateKey: KeyObject): string {
	const signed = signedCertificateBytes(claims)
	return writeCertificateCode(signed, sign(null, signed, privateKey))
}

/** The claims of a genuine certificate code, or null (altered, made up, unknown key). Never throws. */
export function verifyCertificateCode(code: unknown, publicKeys: ReadonlyMap<number, KeyObject>): CertificateClaims | null {
	const read = readCertificateCode(code)
	if (!read.readable) return null
	const key = publicKeys.get(read.claims.keyId)
	if (!key) return null
	return verify(null, read.signed, key, read.signature) ? read.claims : null
}

// Certificate codes: what the QR on a certificate of attendance points to (/certificates/{code}).
// The ticket code's layout (ticket-code.ts) with its own version byte, 0x43 ("C"), so a ticket's
// code is never a certificate's nor the other way round; the nonce is six zero bytes, so a
// registration has one certificate code (Ed25519 signatures are deterministic). Signed with the
// ticket keys (ticket-signature.ts): an altered or made-up code fails the check.
import {
	base64urlDecode,
	base64urlEncode,
	signedTicketBytes,
	TICKET_CODE_BYTES,
	TICKET_CODE_LENGTH,
	TICKET_NONCE_BYTES,
	TICKET_SIGNED_BYTES,
} from './ticket-code.ts'

export const CERTIFICATE_CODE_VERSION = 0x43

export type CertificateClaims = { keyId: number; eventId: number; registrationId: number }

export type CertificateCodeReading =
	{ readable: true; claims: CertificateClaims; signed: Uint8Array<ArrayBuffer>; signature: Uint8Array<ArrayBuffer> } | { readable: false }

/** The bytes a certificate's signature covers. Throws for claims that do not fit. */
export function signedCertificateBytes(claims: CertificateClaims): Uint8Array<ArrayBuffer> {
	const bytes = signedTicketBytes({ ...claims, nonce: new Uint8Array(TICKET_NONCE_BYTES) })
	bytes[0] = CERTIFICATE_CODE_VERSION
	return bytes
}

export function writeCertificateCode(signed: Uint8Array, signature: Uint8Array): string {
	const bytes = new Uint8Array(TICKET_CODE_BYTES)
	bytes.set(signed, 0)
	bytes.set(signature, TICKET_SIGNED_BYTES)
	return base64urlEncode(bytes)
}

/** The claims of a certificate code, before the signature check. Never throws for bad input. */
export function readCertificateCode(code: unknown): CertificateCodeReading {
	if (typeof code !== 'string' || code.length !== TICKET_CODE_LENGTH) return { readable: false }
	const bytes = base64urlDecode(code)
	if (!bytes || bytes.length !== TICKET_CODE_BYTES || base64urlEncode(bytes) !== code) return { readable: false }
	if (bytes[0] !== CERTIFICATE_CODE_VERSION || bytes.subarray(11, TICKET_SIGNED_BYTES).some((b) => b !== 0)) return { readable: false }
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
	return {
		readable: true,
		claims: { keyId: view.getUint16(1), eventId: view.getUint32(3), registrationId: view.getUint32(7) },
		signed: bytes.slice(0, TICKET_SIGNED_BYTES),
		signature: bytes.slice(TICKET_SIGNED_BYTES),
	}
}

// Every secret the server hands out — private links, invitation and reset links, API and scanner
// tokens, session ids — is made and stored the same way: 256 random bits in base64url (43
// characters) behind a prefix that names its kind, and the database keeps only its SHA-256. With
// that much randomness a fast hash is enough, and a lookup by hash needs no constant-time compare.
import { createHash, randomBytes } from 'node:crypto'

export function newSecretToken(prefix = ''): string {
	return prefix + randomBytes(32).toString('base64url')
}

/** What the database keeps of a token: SHA-256, hex (also registered as SQL `sha256()` for migrations). */
export function hashSecretToken(token: string): string {
	return createHash('sha256').update(token).digest('hex')
}

/** A well-formed token of this kind (bounds leave room around 43 characters); junk is refused before any lookup. */
export function looksLikeSecretToken(token: unknown, prefix = ''): token is string {
	return typeof token === 'string' && token.startsWith(prefix) && /^[A-Za-z0-9_-]{40,64}$/.test(token.slice(prefix.length))
}

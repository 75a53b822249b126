// The Ed25519 keys that sign tickets. Generated once into the data folder (ticket-keys.json,
// mode 600), or given as TICKET_SIGNING_KEY. Rotation adds a key: new tickets are signed with
// the newest, and every older public key stays known, so tickets already sent stay valid.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { TicketKeyJwk } from '#app/domain/checkin-contract.ts'
import type { CertificateClaims } from '#app/domain/certificate-code.ts'
import { signCertificateCode, signTicketCode, verifyCertificateCode, verifyTicketCode, type TicketVerification } from '#app/domain/ticket-signature.ts'
import { getEnv } from '#app/utils/env.server.ts'

type StoredKey = { keyId: number; privateKeyPem: string; createdAt: string }
export type TicketKey = { keyId: number; privateKey: KeyObject; publicKey: KeyObject; createdAt: string }
export type TicketKeyRing = { current: TicketKey; all: TicketKey[]; publicKeys: Map<number, KeyObject> }

const FILE = 'ticket-keys.json'

function toKey(stored: StoredKey): TicketKey {
	const privateKey = createPrivateKey(stored.privateKeyPem)
	return { keyId: stored.keyId, privateKey, publicKey: createPublicKey(privateKey), createdAt: stored.createdAt }
}

function newStoredKey(keyId: number): StoredKey {
	const { privateKey } = generateKeyPairSync('ed25519')
	return { keyId, privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), createdAt: new Date().toISOString() }
}

function writeKeys(file: string, keys: StoredKey[]) {
	const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`
	writeFileSync(temporary, JSON.stringify({ keys }, null, 2), { mode: 0o600 })
	chmodSync(temporary, 0o600)
	renameSync(temporary, file)
}

function readStored(dataDir: string): StoredKey[] {
	const file = path.join(dataDir, FILE)
	if (!existsSync(file)) return []
	return (JSON.parse(readFileSync(file, 'utf8')) as { keys: StoredKey[] }).keys
}

/**
 * TICKET_SIGNING_KEY: a PKCS#8 PEM, or the 32-byte Ed25519 seed in base64url. Its key id is
 * derived from the public key (high bit set), so it never collides with the file's 1, 2, 3...
 */
function keyFromEnvironment(value: string): TicketKey {
	const privateKey = value.includes('BEGIN')
		? createPrivateKey(value)
		: createPrivateKey({
				key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(value, 'base64url')]),
				format: 'der',
				type: 'pkcs8',
			})
	const publicKey = createPublicKey(privateKey)
	const digest = createHash('sha256')
		.update(publicKey.export({ format: 'der', type: 'spki' }))
		.digest()
	return { keyId: 0x8000 | (digest.readUInt16BE(0) & 0x7fff), privateKey, publicKey, createdAt: 'environment' }
}

function loadRing(dataDir: string, fromEnvironment?: string): TicketKeyRing {
	let stored = readStored(dataDir)
	const all = stored.map(toKey)
	let current: TicketKey
	if (fromEnvironment) {
		current = keyFromEnvironment(fromEnvironment)
		all.push(current)
	} else {
		if (stored.length === 0) {
			stored = [newStoredKey(1)]
			writeKeys(path.join(dataDir, FILE), stored)
			all.push(toKey(stored[0]!))
		}
		current = all.reduce((a, b) => (b.keyId > a.keyId ? b : a))
	}
	return { current, all, publicKeys: new Map(all.map((k) => [k.keyId, k.publicKey])) }
}

let ring: TicketKeyRing | undefined

export function getTicketKeys(): TicketKeyRing {
	const env = getEnv()
	ring ??= loadRing(env.DATA_DIR, env.TICKET_SIGNING_KEY)
	return ring
}

/** Adds a new signing key (the CLI's `keys rotate`); returns its id. */
export function rotateTicketKey(dataDir = getEnv().DATA_DIR): number {
	const stored = readStored(dataDir)
	const keyId = stored.reduce((max, k) => Math.max(max, k.keyId), 0) + 1
	if (keyId >= 0x8000) throw new Error('Too many ticket keys')
	writeKeys(path.join(dataDir, FILE), [...stored, newStoredKey(keyId)])
	ring = undefined
	return keyId
}

export function issueTicketCode(eventId: number, registrationId: number): string {
	const { current } = getTicketKeys()
	return signTicketCode({ keyId: current.keyId, eventId, registrationId, nonce: randomBytes(6) }, current.privateKey)
}

export function checkTicketCode(code: string): TicketVerification {
	return verifyTicketCode(code, getTicketKeys().publicKeys)
}

/** The public keys as JWKs with their ids: what a scanner needs to verify offline. */
export function publicTicketKeys(): TicketKeyJwk[] {
	return getTicketKeys().all.map((k) => ({ keyId: k.keyId, kty: 'OKP', crv: 'Ed25519', x: k.publicKey.export({ format: 'jwk' }).x! }))
}

/** The certificate of attendance's code for this registration (one per registration and key). */
export function issueCertificateCode(eventId: number, registrationId: number): string {
	const { current } = getTicketKeys()
	return signCertificateCode({ keyId: current.keyId, eventId, registrationId }, current.privateKey)
}

/** The claims of a genuine certificate code, or null. */
export function checkCertificateCode(code: string): CertificateClaims | null {
	return verifyCertificateCode(code, getTicketKeys().publicKeys)
}

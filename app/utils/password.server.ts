import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// scrypt from node:crypto: memory-hard like argon2id, and no native dependency to compile.
// N=2^17, r=8, p=1 is OWASP's recommendation today. Parameters are stored with each hash, so a
// hash made with older ones (N=2^15 before issue 10) still verifies and is re-hashed at the next
// login (needsRehash).
const PARAMS = { N: 2 ** 17, r: 8, p: 1 }
const KEY_LENGTH = 32
// scrypt needs 128·N·r bytes (128 MiB at N=2^17); node refuses above maxmem (32 MiB by default).
// The ceiling also bounds what a stored hash with absurd parameters could ask for.
const MAX_MEM = 256 * 1024 * 1024

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions) {
	return new Promise<Buffer>((resolve, reject) => scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))))
}

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16)
	const key = await scryptAsync(password.normalize('NFKC'), salt, KEY_LENGTH, { ...PARAMS, maxmem: MAX_MEM })
	return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [scheme, n, r, p, saltText, keyText] = stored.split('$')
	if (scheme !== 'scrypt' || !saltText || !keyText) return false
	const expected = Buffer.from(keyText, 'base64url')
	const key = await scryptAsync(password.normalize('NFKC'), Buffer.from(saltText, 'base64url'), expected.length, {
		N: Number(n),
		r: Number(r),
		p: Number(p),
		maxmem: MAX_MEM,
	})
	return key.length === expected.length && timingSafeEqual(key, expected)
}

/** Whether a stored hash was made with weaker parameters than today's (re-hash it at login). */
export function needsRehash(stored: string): boolean {
	const [scheme, n, r, p] = stored.split('$')
	return scheme !== 'scrypt' || Number(n) < PARAMS.N || Number(r) < PARAMS.r || Number(p) < PARAMS.p
}

/** A hash of nothing, so a login with an unknown email costs as long as one with a known email. */
export const DUMMY_HASH_PROMISE = hashPassword('not-a-real-password-' + randomBytes(8).toString('hex'))

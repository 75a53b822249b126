import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// scrypt from node:crypto: memory-hard like argon2id, and no native dependency to compile.
// N=2^15, r=8, p=1 is OWASP's recommended minimum; parameters are stored with the hash so they
// can be raised later without invalidating old passwords.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32
const MAX_MEM = 64 * 1024 * 1024

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions) {
	return new Promise<Buffer>((resolve, reject) =>
		scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
	)
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

/** A hash of nothing, so a login with an unknown email costs as long as one with a known email. */
export const DUMMY_HASH_PROMISE = hashPassword('not-a-real-password-' + randomBytes(8).toString('hex'))

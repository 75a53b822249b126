import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { TICKET_CODE_LENGTH } from '#app/domain/ticket-code.ts'
import { signTicketCode, verifyTicketCode } from '#app/domain/ticket-signature.ts'

// A fixed key (RFC 8032 test vector 1's secret key), so the expected code below is a real vector:
// Ed25519 signatures are deterministic.
const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex')
const privateKey = createPrivateKey({
	key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
	format: 'der',
	type: 'pkcs8',
})
const publicKey = createPublicKey(privateKey)
const keys = new Map([[7, publicKey]])
const claims = { keyId: 7, eventId: 12, registrationId: 3456, nonce: new Uint8Array([1, 2, 3, 4, 5, 6]) }

describe('ticket codes', () => {
	test('the public key is RFC 8032’s for this secret', () => {
		expect(publicKey.export({ format: 'jwk' }).x).toBe(
			Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64url'),
		)
	})

	test('test vector: a known code for known claims', () => {
		const code = signTicketCode(claims, privateKey)
		expect(code).toHaveLength(TICKET_CODE_LENGTH)
		expect(code).toBe(signTicketCode(claims, privateKey)) // deterministic
		// Version 1, key 7, event 12, registration 3456, nonce 010203040506, then the signature.
		expect(code).toBe('AQAHAAAADAAADYABAgMEBQZofZenXJzhYsph-QKhA1vROb3ax1SA49Mz0qLnVri4jzN33Vado5KHVicYzMsvnMVTmiJOOHaVjIzSzo2flmUC')
		const result = verifyTicketCode(code, keys)
		expect(result).toEqual({ valid: true, claims })
	})

	test('changing any single character makes the code invalid', () => {
		const code = signTicketCode(claims, privateKey)
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
		for (let i = 0; i < code.length; i++) {
			for (const replacement of [alphabet[(alphabet.indexOf(code[i]!) + 1) % 64]!, alphabet[(alphabet.indexOf(code[i]!) + 33) % 64]!]) {
				const altered = code.slice(0, i) + replacement + code.slice(i + 1)
				expect(verifyTicketCode(altered, keys).valid, `position ${i} → ${replacement}`).toBe(false)
			}
		}
	})

	test('forged, truncated, padded and foreign codes are invalid, never a throw', () => {
		const code = signTicketCode(claims, privateKey)
		const other = generateKeyPairSync('ed25519').privateKey
		expect(verifyTicketCode(signTicketCode(claims, other), keys)).toEqual({ valid: false, reason: 'bad_signature' })
		expect(verifyTicketCode(signTicketCode({ ...claims, keyId: 8 }, privateKey), keys)).toEqual({ valid: false, reason: 'unknown_key' })
		for (const bad of ['', code.slice(1), code + 'A', code + '=', code.replace(/.$/, '+'), 'hello', 'null', '💥'.repeat(54)]) {
			expect(verifyTicketCode(bad, keys).valid).toBe(false)
		}
		expect(verifyTicketCode(undefined as unknown as string, keys).valid).toBe(false)
		// Version 2 in byte 0 (the second character carries its low bits): a layout this build cannot read.
		expect(verifyTicketCode(`${code[0]}g${code.slice(2)}`, keys)).toEqual({ valid: false, reason: 'unknown_version' })
	})

	test('a code signed by a rotated-out key stays valid while its public key is known', () => {
		const old = generateKeyPairSync('ed25519')
		const code = signTicketCode({ ...claims, keyId: 1 }, old.privateKey)
		const both = new Map([
			[1, old.publicKey],
			[7, publicKey],
		])
		expect(verifyTicketCode(code, both).valid).toBe(true)
	})
})

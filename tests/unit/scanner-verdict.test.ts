// The phone's offline verdict (app/scanner/verdict.ts): the browser's check of a ticket code
// (WebCrypto Ed25519, no node:crypto) must agree with the server's, and the verdicts from the
// cached dataset must be the ones the server gives (decideScan, the same rules). Also the phone's
// own name search (app/scanner/ticket-search.ts), with the server's rule: every word, any order.
import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import type { OfflineTicket } from '#app/domain/checkin-contract.ts'
import { readTicketCode, type ReadableTicketCode } from '#app/domain/ticket-code.ts'
import { signTicketCode, verifyTicketCode } from '#app/domain/ticket-signature.ts'
import type { Dataset } from '#app/scanner/scan-db.ts'
import { checkSignature, codeHash } from '#app/scanner/ticket-code.ts'
import { searchTicketsOnPhone } from '#app/scanner/ticket-search.ts'
import { decideLocally, decideManually, type LocalCheckIns } from '#app/scanner/verdict.ts'
import { searchMatches, searchWords } from '#app/domain/search-text.ts'

const EVENT_ID = 7
const OTHER_EVENT_ID = 8
const KEY_ID = 3

const { privateKey, publicKey } = generateKeyPairSync('ed25519')
const stranger = generateKeyPairSync('ed25519')

function jwk(key: KeyObject, keyId = KEY_ID) {
	const { x } = key.export({ format: 'jwk' }) as { x: string }
	return { keyId, kty: 'OKP' as const, crv: 'Ed25519' as const, x }
}

function code(registrationId: number, eventId = EVENT_ID, signer = privateKey) {
	return signTicketCode({ keyId: KEY_ID, eventId, registrationId, nonce: randomBytes(6) }, signer)
}

// The dataset carries the first 96 bits of the SHA-256 (app/domain/offline-dataset.ts).
const hash = (text: string) => createHash('sha256').update(text).digest().subarray(0, 12).toString('base64url')

const codes = { ana: code(1), branko: code(2), cveta: code(3), dragan: code(4), goran: code(9, OTHER_EVENT_ID) }
const reissued = code(2) // Branko's new code: the old one is no longer current

function ticket(registrationId: number, patch: Partial<OfflineTicket> = {}): OfflineTicket {
	return {
		registrationId,
		name: `Visitor ${registrationId}`,
		partySize: 2,
		status: 'confirmed',
		codeHash: null,
		checkedInAt: null,
		checkedInBy: null,
		...patch,
	}
}

const dataset: Dataset = {
	event: { id: EVENT_ID, slug: 'sajam', title: 'Sajam', reentryAllowed: true, startsAt: '2026-05-16T08:00:00.000Z', endsAt: '2026-05-16T16:00:00.000Z' },
	keys: [jwk(publicKey)],
	tickets: [
		ticket(1, { codeHash: hash(codes.ana) }),
		ticket(2, { codeHash: hash(reissued) }),
		ticket(3, { status: 'cancelled' }),
		ticket(4, { codeHash: hash(codes.dragan), checkedInAt: '2026-05-16T08:32:00.000Z', checkedInBy: 'scan-OTHER1' }),
		ticket(5, { status: 'waitlisted' }),
	],
	generatedAt: '2026-05-16T08:00:00.000Z',
	fetchedAt: '2026-05-16T08:00:01.000Z',
}

const at = new Date('2026-05-16T09:00:00.000Z')
const none: LocalCheckIns = new Map()

/** A code the layout reads (the phone and the server read it with the same readTicketCode). */
function readable(text: string): ReadableTicketCode {
	const read = readTicketCode(text)
	if (!read.readable) throw new Error(`not a ticket code: ${read.reason}`)
	return read
}

describe('checking a ticket code in the browser', () => {
	test('the claims read are the ones signed; malformed texts are not read', () => {
		expect(readable(codes.goran).claims).toMatchObject({ keyId: KEY_ID, eventId: OTHER_EVENT_ID, registrationId: 9 })
		for (const bad of ['', 'abc', codes.ana.slice(1), `${codes.ana}A`, codes.ana.replace(/.$/, '='), codes.ana.replace(/^./, '+')]) {
			expect(readTicketCode(bad), bad).toEqual({ readable: false, reason: 'malformed' })
		}
	})

	test('WebCrypto Ed25519 accepts our signature and refuses another key or one changed character', async () => {
		const keys = [jwk(publicKey)]
		expect(await checkSignature(readable(codes.ana), keys)).toBe('valid')
		const forged = code(1, EVENT_ID, stranger.privateKey)
		expect(await checkSignature(readable(forged), keys)).toBe('invalid')
		for (const i of [5, 20, 60, 100]) {
			const altered = codes.ana.slice(0, i) + (codes.ana[i] === 'A' ? 'B' : 'A') + codes.ana.slice(i + 1)
			const read = readTicketCode(altered)
			const browser = read.readable ? await checkSignature(read, keys) : 'invalid'
			expect(browser, `character ${i}`).toBe('invalid')
			expect(verifyTicketCode(altered, new Map([[KEY_ID, publicKey]])).valid).toBe(false)
		}
		// A key id the dataset does not list.
		expect(await checkSignature(readable(codes.ana), [jwk(publicKey, KEY_ID + 1)])).toBe('invalid')
	})

	test('the code hash is the one the server puts in the dataset', async () => {
		expect(await codeHash(codes.ana)).toBe(hash(codes.ana))
	})
})

describe('the verdict on the phone', () => {
	const decide = async (text: string, local = none) => {
		const decision = await decideLocally(text, dataset, local, at)
		if (!decision.decided) throw new Error('undecided')
		return decision
	}

	test('a current code of a confirmed ticket is welcomed, with the name and party size', async () => {
		expect(await decide(codes.ana)).toMatchObject({ result: 'ok', registrationId: 1, ticket: { name: 'Visitor 1', partySize: 2 } })
	})

	test('a ticket checked in elsewhere is amber with the first time and device', async () => {
		expect(await decide(codes.dragan)).toMatchObject({
			result: 'already_checked_in',
			firstCheckedInAt: '2026-05-16T08:32:00.000Z',
			firstCheckedInBy: 'scan-OTHER1',
		})
	})

	test('a ticket this phone let in (not yet in the dataset) is amber too', async () => {
		const local: LocalCheckIns = new Map([[1, { at: '2026-05-16T08:50:00.000Z', by: 'scan-THIS01' }]])
		expect(await decide(codes.ana, local)).toMatchObject({ result: 'already_checked_in', firstCheckedInBy: 'scan-THIS01' })
	})

	test('forged, altered and foreign texts are invalid', async () => {
		// A forged code naming a listed registration: no name, as the server answers none.
		expect(await decide(code(1, EVENT_ID, stranger.privateKey))).toEqual({ decided: true, result: 'invalid' })
		expect(await decide(codes.ana.slice(0, 30) + (codes.ana[30] === 'A' ? 'B' : 'A') + codes.ana.slice(31))).toMatchObject({ result: 'invalid' })
		expect(await decide('https://example.com/')).toMatchObject({ result: 'invalid' })
		// Signed by us for this event, but no such registration in the list.
		expect(await decide(code(99))).toMatchObject({ result: 'invalid' })
	})

	test('a cancelled ticket, and a replaced code, are cancelled; a waiting-list one is not confirmed', async () => {
		expect(await decide(codes.cveta)).toMatchObject({ result: 'cancelled', registrationId: 3 })
		expect(await decide(codes.branko)).toMatchObject({ result: 'cancelled', registrationId: 2 })
		expect(await decide(reissued)).toMatchObject({ result: 'ok', registrationId: 2 })
		expect(await decide(code(5))).toMatchObject({ result: 'not_confirmed' })
	})

	test("another event's ticket is wrong_event, without the visitor's name", async () => {
		const decision = await decide(codes.goran)
		expect(decision.result).toBe('wrong_event')
		expect(decision.ticket).toBeUndefined()
	})

	test('without a dataset the phone does not guess', async () => {
		expect(await decideLocally(codes.ana, undefined, none, at)).toEqual({ decided: false })
	})
})

describe('a check-in from the name search on the phone', () => {
	const pick = (registrationId: number, local = none) => decideManually(registrationId, dataset, local, at)

	test('is decided like a scan of the ticket’s current code', async () => {
		for (const [id, text] of [
			[1, codes.ana],
			[2, reissued],
			[4, codes.dragan],
		] as const) {
			expect(pick(id), `registration ${id}`).toEqual(await decideLocally(text, dataset, none, at))
		}
		expect(pick(1)).toMatchObject({ result: 'ok', registrationId: 1, ticket: { name: 'Visitor 1' }, firstCheckedInAt: at.toISOString() })
	})

	test('a ticket checked in elsewhere, or by this phone, is amber with that first time and device', () => {
		expect(pick(4)).toMatchObject({ result: 'already_checked_in', firstCheckedInAt: '2026-05-16T08:32:00.000Z', firstCheckedInBy: 'scan-OTHER1' })
		const local: LocalCheckIns = new Map([[1, { at: '2026-05-16T08:50:00.000Z', by: 'scan-THIS01' }]])
		expect(pick(1, local)).toMatchObject({ result: 'already_checked_in', firstCheckedInAt: '2026-05-16T08:50:00.000Z', firstCheckedInBy: 'scan-THIS01' })
		// This phone's check-in before the one in the dataset is the first entry.
		const earlier: LocalCheckIns = new Map([[4, { at: '2026-05-16T08:10:00.000Z', by: 'scan-THIS01' }]])
		expect(pick(4, earlier)).toMatchObject({ firstCheckedInAt: '2026-05-16T08:10:00.000Z', firstCheckedInBy: 'scan-THIS01' })
	})

	test('a cancelled registration is cancelled, a waiting-list one not confirmed, one without a code cancelled', () => {
		expect(pick(3)).toMatchObject({ result: 'cancelled', registrationId: 3 })
		expect(pick(5)).toMatchObject({ result: 'not_confirmed', registrationId: 5 })
		// Confirmed but without a current code: the server answers cancelled too.
		const noCode: Dataset = { ...dataset, tickets: [ticket(6)] }
		expect(decideManually(6, noCode, none, at)).toMatchObject({ result: 'cancelled' })
	})

	test('a registration the dataset does not list, or no dataset, is left to the server', () => {
		expect(pick(99)).toEqual({ decided: false })
		expect(decideManually(1, undefined, none, at)).toEqual({ decided: false })
	})
})

describe('the name search on the phone', () => {
	const people = [
		ticket(11, { name: 'Ana Jovanović' }),
		ticket(12, { name: 'Jovan Anić' }),
		ticket(13, { name: 'Ђорђе Петровић' }),
		ticket(14, { name: 'Ana Marija Jovanović-Ilić', status: 'waitlisted' }),
		ticket(15, { name: 'Branko Stojković' }),
	]
	const find = (q: string) => searchTicketsOnPhone(people, q).map((t) => t.registrationId)

	test('the words of a query are folded, once each', () => {
		expect(searchWords('  Jovanović   ANA ana ')).toEqual(['jovanovic', 'ana'])
		expect(searchWords('Ђорђе')).toEqual(['dorde'])
		expect(searchWords('   ')).toEqual([])
	})

	test('every word must be in the name or the address, in any order', () => {
		expect(searchMatches(['Ana Jovanović', 'ana.j@primer.rs'], searchWords('Jovanović Ana'))).toBe(true)
		expect(searchMatches(['Ana Jovanović', 'aj@primer.rs'], searchWords('ana primer'))).toBe(true)
		expect(searchMatches(['Ana Jovanović', null], searchWords('ana petrović'))).toBe(false)
		expect(searchMatches(['Ana Jovanović'], [])).toBe(false)
	})

	test('surname first finds the person; each word must match', () => {
		expect(find('Jovanović Ana')).toEqual([11, 14])
		expect(find('jovanovic ana marija')).toEqual([14])
		expect(find('Ana Jovanović')).toEqual([11, 14])
		expect(find('ana petrovic')).toEqual([])
		// Parts of words, as before: "jov an" is in Jovan Anić and in both Jovanovićs.
		expect(find('jov an')).toEqual([11, 14, 12])
	})

	test('script, diacritics, case and đ/dj are folded as before', () => {
		expect(find('petrovic djordje')).toEqual([13])
		expect(find('ПЕТРОВИЋ ђорђе')).toEqual([13])
		expect(find('STOJKOVIC')).toEqual([15])
	})

	test('at most the limit, by name', () => {
		expect(searchTicketsOnPhone(people, 'an', 2).map((t) => t.registrationId)).toEqual([11, 14])
	})
})

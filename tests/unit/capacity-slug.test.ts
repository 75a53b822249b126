import { describe, expect, test } from 'vitest'
import { availability, remainingPlaces } from '#app/domain/capacity.ts'
import { safeRedirect } from '#app/domain/login-input.ts'
import { hasRole } from '#app/domain/roles.ts'
import { slugify, uniqueSlug } from '#app/domain/slug.ts'

describe('remaining places', () => {
	test('counts persons and never goes below zero', () => {
		expect(remainingPlaces(500, 0)).toBe(500)
		expect(remainingPlaces(500, 498)).toBe(2)
		expect(remainingPlaces(10, 10)).toBe(0)
		expect(remainingPlaces(10, 12)).toBe(0)
	})

	test('no capacity means no limit', () => {
		expect(remainingPlaces(null, 1000)).toBeNull()
		expect(availability(null, 1000)).toBe('unlimited')
	})

	test('availability labels', () => {
		expect(availability(500, 0)).toBe('open')
		expect(availability(500, 481)).toBe('few_left')
		expect(availability(500, 500)).toBe('full')
		expect(availability(25, 22)).toBe('few_left')
	})
})

describe('slugs', () => {
	test('Serbian letters become plain ASCII', () => {
		expect(slugify('Mini-sajam socijalnog preduzetništva 2026')).toBe('mini-sajam-socijalnog-preduzetnistva-2026')
		expect(slugify('Đurđevdanski sajam: Ćevapi & Žito')).toBe('djurdjevdanski-sajam-cevapi-zito')
		expect(slugify('Мини-сајам у Крушевцу')).toBe('mini-sajam-u-krusevcu')
	})

	test('an empty title still gives a slug', () => {
		expect(slugify('!!!')).toBe('dogadjaj')
	})

	test('unique slugs get a number', () => {
		const taken = new Set(['radionica', 'radionica-2'])
		expect(uniqueSlug('radionica', (s) => taken.has(s))).toBe('radionica-3')
		expect(uniqueSlug('okrugli-sto', (s) => taken.has(s))).toBe('okrugli-sto')
	})
})

describe('roles', () => {
	test('are ordered admin > organizer > scanner', () => {
		expect(hasRole('admin', 'organizer')).toBe(true)
		expect(hasRole('organizer', 'organizer')).toBe(true)
		expect(hasRole('scanner', 'organizer')).toBe(false)
		expect(hasRole('organizer', 'admin')).toBe(false)
	})
})

describe('redirects after login', () => {
	test('only our own paths', () => {
		expect(safeRedirect('/admin/events/3')).toBe('/admin/events/3')
		expect(safeRedirect('//evil.example/x')).toBe('/admin')
		expect(safeRedirect('https://evil.example')).toBe('/admin')
		expect(safeRedirect('/\\evil.example')).toBe('/admin')
		expect(safeRedirect(null)).toBe('/admin')
	})
})

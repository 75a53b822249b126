// The rules of server/http-layer.mjs that the integration test cannot reach from loopback (which
// TRUST_PROXY trusts by default): a forwarded host from an untrusted peer, hop counts, and what a
// log line may show of a private link.
import { describe, expect, test } from 'vitest'
import { acceptsGzip } from '../../server/direct-routes.mjs'
import { compileTrust, isCookieAuthenticated, isJsonContentType, isSameSiteWrite, loggablePath } from '../../server/http-layer.mjs'

type FakeRequest = { headers: Record<string, string | undefined>; socket: { remoteAddress: string } }
const request = (headers: Record<string, string>, remoteAddress = '203.0.113.9'): FakeRequest => ({ headers: { ...headers }, socket: { remoteAddress } })
const site = { trust: compileTrust('loopback'), publicOrigin: 'https://sajam.example.rs' }

describe('isSameSiteWrite', () => {
	test('Origin must be the addressed host or PUBLIC_URL; null and look-alikes are not', () => {
		expect(isSameSiteWrite(request({ host: 'sajam.example.rs', origin: 'https://sajam.example.rs' }), site)).toBe(true)
		expect(isSameSiteWrite(request({ host: '127.0.0.1:3000', origin: 'https://sajam.example.rs' }), site)).toBe(true)
		expect(isSameSiteWrite(request({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }), site)).toBe(true)
		expect(isSameSiteWrite(request({ host: 'sajam.example.rs', origin: 'null' }), site)).toBe(false)
		expect(isSameSiteWrite(request({ host: 'sajam.example.rs', origin: 'https://sajam.example.rs.evil.example' }), site)).toBe(false)
		expect(isSameSiteWrite(request({ host: 'sajam.example.rs', origin: 'not a url' }), site)).toBe(false)
	})

	test('X-Forwarded-Host counts only from a trusted proxy, and is dropped from anyone else', () => {
		const forged = request({ host: '127.0.0.1:3000', origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }, '203.0.113.9')
		expect(isSameSiteWrite(forged, site)).toBe(false)
		expect(forged.headers['x-forwarded-host']).toBeUndefined()
		const proxied = request({ host: '127.0.0.1:3000', origin: 'https://sajam.example.org', 'x-forwarded-host': 'sajam.example.org' }, '127.0.0.1')
		expect(isSameSiteWrite(proxied, site)).toBe(true)
	})

	test('without Origin, only a browser saying cross-site (or same-site, for the API) is refused', () => {
		expect(isSameSiteWrite(request({ host: 'sajam.example.rs' }), site)).toBe(true)
		expect(isSameSiteWrite(request({ host: 'sajam.example.rs', 'sec-fetch-site': 'cross-site' }), site)).toBe(false)
		expect(isSameSiteWrite(request({ host: 'sajam.example.rs', 'sec-fetch-site': 'same-site' }), site)).toBe(true)
		expect(isSameSiteWrite(request({ host: 'sajam.example.rs', 'sec-fetch-site': 'same-site' }), { ...site, strictFetchSite: true })).toBe(false)
	})
})

test('TRUST_PROXY as addresses, a hop count, or true', () => {
	expect(compileTrust('loopback')('127.0.0.1', 0)).toBe(true)
	expect(compileTrust('loopback')('10.0.0.5', 0)).toBe(false)
	expect(compileTrust('10.0.0.5, 10.0.0.6')('10.0.0.6', 0)).toBe(true)
	expect(compileTrust('1')('198.51.100.1', 0)).toBe(true)
	expect(compileTrust('1')('198.51.100.1', 1)).toBe(false)
	expect(compileTrust('true')('198.51.100.1', 5)).toBe(true)
})

test('the session cookie speaks only without an Authorization header; JSON means JSON', () => {
	expect(isCookieAuthenticated(request({ cookie: 'lang=en; sajam_session=abc' }))).toBe(true)
	expect(isCookieAuthenticated(request({ cookie: 'sajam_session=abc', authorization: 'Bearer x' }))).toBe(false)
	expect(isCookieAuthenticated(request({ cookie: 'not_sajam_session=abc' }))).toBe(false)
	expect(isJsonContentType('application/json; charset=utf-8')).toBe(true)
	expect(isJsonContentType('application/merge-patch+json')).toBe(true)
	expect(isJsonContentType('text/plain')).toBe(false)
	expect(isJsonContentType('application/jsonx')).toBe(false)
	expect(isJsonContentType(undefined)).toBe(false)
})

test('a log line names a private link by its kind, never its token, and drops the query', () => {
	expect(loggablePath('/tickets/abcDEF123_-xyz/ticket.ics?lang=en')).toBe('/tickets/…/ticket.ics')
	expect(loggablePath('/applications/abcDEF123/edit.data')).toBe('/applications/…/edit.data')
	expect(loggablePath('/api/v1/tickets/abcDEF/cancel')).toBe('/api/v1/tickets/…/cancel')
	expect(loggablePath('/admin/login?redirectTo=%2Fadmin')).toBe('/admin/login')
	expect(loggablePath('/events/mini-sajam')).toBe('/events/mini-sajam')
})

describe('acceptsGzip (large API answers go compressed)', () => {
	test('gzip or * with a q above 0; not identity, not q=0, not nothing', () => {
		for (const header of ['gzip', 'gzip, deflate, br', 'br;q=1.0, gzip;q=0.8', '*', 'GZIP']) expect(acceptsGzip(header), header).toBe(true)
		for (const header of [undefined, '', 'identity', 'br', 'gzip;q=0', 'deflate, gzip;q=0.0']) expect(acceptsGzip(header), String(header)).toBe(false)
	})
})

// The one reader of page form bodies (app/http/page-form.server.ts), on Request objects: what it
// takes, and the status it refuses everything else with (thrown as a Response).
import { describe, expect, test, vi } from 'vitest'
import { MULTIPART_MAX_BYTES, PAGE_FORM_MAX_BYTES, methodNotAllowed, readPageForm } from '#app/http/page-form.server.ts'

const URL_ = 'http://localhost/events/x'

function request(body: BodyInit | null, contentType: string | null, init: RequestInit = {}) {
	const headers = new Headers(init.headers)
	if (contentType !== null) headers.set('Content-Type', contentType)
	return new Request(URL_, { method: 'POST', body, headers, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit)
}

/** The status of the Response readPageForm throws (and that it logged one line). */
async function refusal(promise: Promise<unknown>): Promise<number> {
	const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
	try {
		await promise
	} catch (error) {
		expect(error).toBeInstanceOf(Response)
		expect(warn).toHaveBeenCalledTimes(1)
		expect(String(warn.mock.calls[0]![0])).not.toContain('\n')
		return (error as Response).status
	} finally {
		warn.mockRestore()
	}
	throw new Error('no refusal')
}

const multipartBody = (boundary: string) =>
	`--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nAna\r\n--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="l.png"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--${boundary}--\r\n`

describe('readPageForm', () => {
	test('reads a urlencoded form, whatever its charset parameter or odd percent-escapes', async () => {
		const form = await readPageForm(request('name=Ana+Jovanovi%C4%87&x=%ZZ&x=2&empty', 'Application/X-WWW-Form-Urlencoded; charset=UTF-8'))
		expect(form.get('name')).toBe('Ana Jovanović')
		expect(form.getAll('x')).toEqual(['%ZZ', '2'])
		expect(form.get('empty')).toBe('')
		expect([...(await readPageForm(request(null, 'application/x-www-form-urlencoded')))]).toEqual([])
	})

	test('reads multipart, with its files, only where the route takes uploads', async () => {
		const form = await readPageForm(request(multipartBody('b'), 'multipart/form-data; boundary=b'), { uploads: true })
		expect(form.get('name')).toBe('Ana')
		const logo = form.get('logo') as File
		expect([logo.name, logo.type, await logo.text()]).toEqual(['l.png', 'image/png', 'PNG'])
		expect(await refusal(readPageForm(request(multipartBody('b'), 'multipart/form-data; boundary=b')))).toBe(415)
	})

	test('415 for any other content type, or none', async () => {
		for (const type of ['application/json', 'text/plain', 'application/xml', 'application/x-www-form-urlencodedx', '', null]) {
			expect(await refusal(readPageForm(request('a=b', type), { uploads: true })), String(type)).toBe(415)
		}
	})

	test('400 for a multipart body that does not parse', async () => {
		const whole = multipartBody('b')
		const cases: [string, string][] = [
			[whole.slice(0, whole.length - 10), 'multipart/form-data; boundary=b'],
			[whole, 'multipart/form-data'],
			[whole, 'multipart/form-data; boundary=other'],
			['\u0000\u00ff random', 'multipart/form-data; boundary=b'],
		]
		for (const [body, type] of cases) expect(await refusal(readPageForm(request(body, type), { uploads: true })), type).toBe(400)
	})

	test('413 over the limits, declared or counted', async () => {
		const big = 'a='.padEnd(PAGE_FORM_MAX_BYTES + 10, 'x')
		expect(await refusal(readPageForm(request(big, 'application/x-www-form-urlencoded')))).toBe(413)
		// No Content-Length: the bytes are counted as they come.
		const stream = new ReadableStream({
			start(controller) {
				for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(MULTIPART_MAX_BYTES / 4)))
				controller.close()
			},
		})
		const counted = request(stream, 'multipart/form-data; boundary=b')
		expect(counted.headers.get('Content-Length')).toBeNull()
		expect(await refusal(readPageForm(counted, { uploads: true }))).toBe(413)
		expect(
			await refusal(readPageForm(request('a=b', 'application/x-www-form-urlencoded', { headers: { 'Content-Length': String(PAGE_FORM_MAX_BYTES + 1) } }))),
		).toBe(413)
	})

	test('a page without a form answers 405', async () => {
		expect(await refusal(methodNotAllowed({ request: request('a=b', 'application/x-www-form-urlencoded') }))).toBe(405)
	})
})

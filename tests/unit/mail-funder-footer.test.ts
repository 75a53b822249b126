// The funder's visibility block at the foot of a mail (emails/layout.ts): in both parts, after the
// Center's contact, the emblem as an inline image; nothing when the admin did not tick it for mails.
import { describe, expect, test } from 'vitest'
import { mailContext } from '#emails/index.ts'
import { compose, FUNDER_EMBLEM_CID, paragraph } from '#emails/layout.ts'

const base = { publicUrl: 'https://sajam.test', from: { name: 'Sajam', address: 'no-reply@sajam.test' }, queuedAt: new Date('2026-12-01T10:00:00Z') }
const mail = { subject: 'Prijava', preheader: 'Prijava', blocks: [paragraph('Telo')], footer: [paragraph('Zašto dobijate ovaj imejl.', { muted: true })] }

describe('the mail footer’s funder block', () => {
	test('statement and disclaimer in the text and HTML parts, after the contact; the emblem by cid, its alt text in the reader’s language', () => {
		const ctx = mailContext('sr-Cyrl', {
			...base,
			contactEmail: 'info@csp.test',
			funder: {
				statement: 'Овај пројекат финансира Европска унија.',
				disclaimer: 'Садржај је одговорност Центра.',
				emblem: { bytes: Buffer.from([1]), mime: 'image/png' },
			},
		})
		const { html, text } = compose(ctx, mail)
		expect(text.endsWith('Овај пројекат финансира Европска унија.\nСадржај је одговорност Центра.\n')).toBe(true)
		expect(text.indexOf('info@csp.test')).toBeLessThan(text.indexOf('Овај пројекат'))
		expect(html).toContain(`src="cid:${FUNDER_EMBLEM_CID}"`)
		expect(html).toContain('alt="Амблем Европске уније"')
		expect(html).toContain('Садржај је одговорност Центра.')
	})

	test('text that looks like HTML is escaped; no block without one', () => {
		const ctx = mailContext('en', { ...base, funder: { statement: 'Funded by the <b>EU</b>', disclaimer: null, emblem: null } })
		const { html } = compose(ctx, mail)
		expect(html).toContain('Funded by the &#60;b&#62;EU&#60;/b&#62;')
		expect(html).not.toContain('cid:funder-emblem')
		const none = compose(mailContext('en', base), mail)
		expect(none.html).not.toContain('data-funder-block')
	})
})

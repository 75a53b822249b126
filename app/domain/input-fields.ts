// What the input schemas share: how an issue names its message (a key of the `validation`
// catalog, with values for it; utils/validation.ts turns it into the reader's language) and the two
// ways a time arrives: Belgrade wall-clock time from a page's <input type="datetime-local">, or a
// time with an explicit offset from the API.
import { z } from 'zod'
import { fromBelgradeLocalInput } from './format.ts'

/** The params of a custom issue: its message key and the values the message needs. */
export const issueKey = (key: string, values: Record<string, string> = {}) => ({ params: { key, ...values } })

/** Belgrade wall-clock time from an <input type="datetime-local">. */
export const localDateTime = z
	.string()
	.trim()
	.transform((value, ctx) => {
		const date = fromBelgradeLocalInput(value)
		if (!date) {
			ctx.addIssue({ code: 'custom', ...issueKey('dateTime') })
			return z.NEVER
		}
		return date
	})

/** A time with an explicit offset, as the API contract says ("2026-12-05T10:00:00+01:00"). */
export const isoDateTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v))

// Turns zod issues into messages in the user's language. Used by conform forms (browser and
// server) and by the JSON API, so a field error reads the same everywhere.
import type { TFunction } from 'i18next'
import type { z } from 'zod'

type Issue = Parameters<z.core.$ZodErrorMap>[0]

export function makeZodErrorMap(t: TFunction): z.core.$ZodErrorMap {
	return (issue: Issue) => {
		const { key, ...values } = (issue as { params?: { key?: string } & Record<string, unknown> }).params ?? {}
		// Further params are the message's values ({{label}}, …).
		if (key) return t(`common:validation.${key}`, values)
		switch (issue.code) {
			case 'invalid_type':
				if (issue.input === undefined || issue.input === null || issue.input === '') return t('common:validation.required')
				if (issue.expected === 'number' || issue.expected === 'int') return t('common:validation.number')
				return t('common:validation.type')
			case 'too_small':
				if (issue.origin === 'string')
					return Number(issue.minimum) <= 1 ? t('common:validation.required') : t('common:validation.tooShort', { count: Number(issue.minimum) })
				if (issue.origin === 'array') return t('common:validation.tooFewItems', { count: Number(issue.minimum) })
				return t('common:validation.tooSmall', { min: Number(issue.minimum) })
			case 'too_big':
				if (issue.origin === 'string') return t('common:validation.tooLong', { count: Number(issue.maximum) })
				if (issue.origin === 'array') return t('common:validation.tooManyItems', { count: Number(issue.maximum) })
				return t('common:validation.tooBig', { max: Number(issue.maximum) })
			case 'invalid_format':
				if (issue.format === 'email') return t('common:validation.email')
				if (issue.format === 'url') return t('common:validation.url')
				if (issue.format === 'datetime') return t('common:validation.isoDateTime')
				return t('common:validation.format')
			case 'invalid_value':
				return t('common:validation.choice')
			case 'unrecognized_keys':
				return t('common:validation.unknownField', { keys: issue.keys.join(', ') })
			case 'invalid_union':
				return t('common:validation.invalid')
			default:
				return t('common:validation.invalid')
		}
	}
}

/** zod issues as {"field.path": ["message"]}, the API's `fields`. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
	// No prototype: a body may name a field "__proto__" or "constructor".
	const fields: Record<string, string[]> = Object.create(null)
	for (const issue of issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) (fields[[...issue.path, key].join('.')] ??= []).push(issue.message)
			continue
		}
		const path = issue.path.length ? issue.path.join('.') : '_'
		;(fields[path] ??= []).push(issue.message)
	}
	return fields
}

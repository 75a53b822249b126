// What every command shares: one-line failures with an exit code, option parsing, and zod
// checks that name the option at fault.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { z } from 'zod'
import { ROLES } from '#app/domain/vocabulary.ts'

/** A failure the operator can act on: printed as one line, no stack. */
export class CliError extends Error {
	constructor(
		message: string,
		readonly exitCode = 1,
	) {
		super(message)
	}
}

export const usageError = (message: string) => new CliError(`${message} (see --help)`, 2)

type Options = NonNullable<ParseArgsConfig['options']>

export function parse<O extends Options>(command: string, args: string[], options: O, positionals = 0) {
	let parsed
	try {
		parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 })
	} catch (error) {
		throw usageError(`${command}: ${(error as Error).message.split('\n')[0]}`)
	}
	if (parsed.positionals.length > positionals) {
		throw usageError(`${command}: unexpected argument '${parsed.positionals[positionals]}'`)
	}
	return parsed
}

/** Checks options with zod and turns the first problem into one line naming the option. */
export function validate<S extends z.ZodType>(command: string, schema: S, values: unknown): z.output<S> {
	const result = schema.safeParse(values)
	if (result.success) return result.data
	const issue = result.error.issues[0]!
	const option = issue.path.length ? `--${String(issue.path[0])}: ` : ''
	throw usageError(`${command}: ${option}${issue.message}`)
}

/** zod's message for an option: "is required" when it is missing, else what it must be. */
export const mustBe = (what: string) => ({
	error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`),
})
export const role = z.enum(ROLES, mustBe(`one of ${ROLES.join(', ')}`))

// A console.error during a test is a bug we have not noticed yet: fail the test on it.
import { afterEach, beforeEach, vi } from 'vitest'

let errors: unknown[][] = []

beforeEach(() => {
	errors = []
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		errors.push(args)
	})
})

afterEach(() => {
	vi.restoreAllMocks()
	if (errors.length > 0) {
		const text = errors.map((args) => args.map(String).join(' ')).join('\n')
		throw new Error(`console.error was called during the test:\n${text}`)
	}
})

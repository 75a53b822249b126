// Kept apart from vite.config.ts: the Remix plugin must not run under Vitest.
import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		setupFiles: ['./tests/support/fail-on-console-error.ts'],
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					setupFiles: ['./tests/support/worker-database.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000,
				},
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					testTimeout: 60_000,
					hookTimeout: 90_000,
					// One Chromium at a time: the machine has two cores.
					fileParallelism: false,
				},
			},
		],
	},
})

import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

declare module '@remix-run/node' {
	interface Future {
		v3_singleFetch: true
	}
}

export default defineConfig({
	server: { port: 3000 },
	// A message catalog is always a file of its own, fetched by its address (app/utils/i18n.ts), never
	// a data: URL (the pages' CSP allows fetching from 'self' only).
	build: { assetsInlineLimit: (file: string) => (file.endsWith('.json') ? false : undefined) },
	plugins: [
		remix({
			// Experiments can build elsewhere while tests use build/: REMIX_BUILD_DIR=/tmp/x npx remix vite:build
			buildDirectory: process.env.REMIX_BUILD_DIR ?? 'build',
			ignoredRouteFiles: ['**/*.test.*', '**/.*'],
			future: {
				v3_fetcherPersist: true,
				v3_relativeSplatPath: true,
				v3_throwAbortReason: true,
				v3_singleFetch: true,
				v3_lazyRouteDiscovery: true,
			},
		}),
	],
})

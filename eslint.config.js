// ESLint (flat config): typescript-eslint's recommended rules, React's hook rules, and the layering
// of docs/architecture.md written as import restrictions, so a file that reaches across a layer
// fails `npm test` instead of waiting for a reviewer.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Import patterns (both the #app alias and relative paths) for a layer. */
const layer = (name) => [`\\#app/${name}/**`, `../${name}/*`, `../../${name}/*`]

export default tseslint.config(
	{
		ignores: ['build/', '.cache/', 'node_modules/', 'public/scanner/', 'db/migrations/', 'screenshots/', 'coverage/'],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
		},
	},
	{
		// Scripts, benchmarks and the server run on Node; the service worker in a browser worker.
		files: ['**/*.{js,mjs}'],
		languageOptions: { globals: { ...globals.node } },
	},
	{
		files: ['public/*.js'],
		languageOptions: { globals: { ...globals.serviceworker } },
	},
	{
		files: ['app/**/*.tsx'],
		plugins: { 'react-hooks': reactHooks },
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'warn',
		},
	},
	{
		files: ['**/*.{ts,tsx}'],
		rules: {
			// `any` is allowed in tests (parsed JSON); the app code keeps it out by review.
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.property.name='transaction'][arguments.0.async=true]",
					message: 'A drizzle/SQLite transaction callback must be synchronous.',
				},
			],
		},
	},
	{
		// The domain is pure: no database, no services, no HTTP, no routes or components.
		files: ['app/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								...layer('services'),
								...layer('http'),
								...layer('routes'),
								...layer('components'),
								...layer('utils'),
								'\\#db/**',
								'@remix-run/*',
								'better-sqlite3',
								'drizzle-orm',
								'drizzle-orm/*',
								'node:fs',
								'node:http',
							],
							message: 'app/domain is pure (docs/architecture.md).',
						},
					],
				},
			],
		},
	},
	{
		// Services do the work without knowing about HTTP: no Remix, no Request or Response, no
		// page or component. Commands write (each owns its transaction), queries and views only
		// read, workers run outside a request; docs/architecture.md.
		files: ['app/services/**', 'emails/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [...layer('routes'), ...layer('components'), ...layer('http'), '@remix-run/*'],
							message: 'Services know nothing of HTTP, routes or components (docs/architecture.md).',
						},
					],
				},
			],
			'no-restricted-globals': [
				'error',
				{ name: 'Response', message: 'A service throws a ServiceError; app/http turns it into a Response.' },
				{ name: 'Request', message: 'A service takes plain values, not a Request.' },
			],
		},
	},
	{
		// Queries and views read: they never open a write transaction nor call a command.
		files: ['app/services/queries/**', 'app/services/views/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [...layer('routes'), ...layer('components'), ...layer('http'), '@remix-run/*', '\\#app/services/commands/**', '../commands/*'],
							message: 'Queries and views only read: no commands, no HTTP (docs/architecture.md).',
						},
					],
					paths: [
						{
							name: '#app/utils/db.server.ts',
							importNames: ['writeTransaction', 'writeInBatch'],
							message: 'Queries and views only read (docs/architecture.md).',
						},
					],
				},
			],
		},
	},
	{
		// Queries come before views: a query returns rows, it does not shape a page.
		files: ['app/services/queries/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								...layer('routes'),
								...layer('components'),
								...layer('http'),
								'@remix-run/*',
								'\\#app/services/commands/**',
								'\\#app/services/views/**',
								'../commands/*',
								'../views/*',
							],
							message: 'Queries read rows: no commands, views or HTTP (docs/architecture.md).',
						},
					],
					paths: [
						{
							name: '#app/utils/db.server.ts',
							importNames: ['writeTransaction', 'writeInBatch'],
							message: 'Queries only read (docs/architecture.md).',
						},
					],
				},
			],
		},
	},
	{
		// Infrastructure (env, database, i18n, passwords) and the HTTP helpers never import a page.
		files: ['app/utils/**', 'app/http/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [...layer('routes'), ...layer('components')],
							message: 'Utils and HTTP helpers do not import routes or components (docs/architecture.md).',
						},
					],
				},
			],
		},
	},
	{
		// What runs in the browser never imports server-only code.
		// Types may come from a server module (they vanish at build); values may not.
		files: ['app/components/**', 'app/scanner/**', 'app/entry.client.tsx'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['**/*.server', '**/*.server.ts', '\\#db/**', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
							allowTypeImports: true,
							message: 'Browser code does not import server modules (docs/architecture.md).',
						},
					],
				},
			],
		},
	},
	{
		// Routes stay thin: transactions belong to services.
		files: ['app/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '#app/utils/db.server.ts',
							importNames: ['writeTransaction', 'writeInBatch'],
							message: 'Open transactions in a service, not in a route (docs/architecture.md).',
						},
					],
				},
			],
		},
	},
)

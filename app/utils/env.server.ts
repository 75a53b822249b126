import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { tightenDataFolder } from './file-modes.server.ts'

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value)

const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().default('0.0.0.0'),
	DATABASE_PATH: z.string().min(1).default('data/sajam.db'),
	PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
	SMTP_URL: z.preprocess(emptyToUndefined, z.url().optional()),
	MAIL_FROM: z.string().min(3).default('Sajam <no-reply@localhost>'),
	/** The Center's address for people: Reply-To of every mail, ORGANIZER of every invite, the footer (the admin settings may override it). */
	CONTACT_EMAIL: z.preprocess(emptyToUndefined, z.email().optional()),
	SESSION_SECRET: z.preprocess(emptyToUndefined, z.string().min(32).optional()),
	TICKET_SIGNING_KEY: z.preprocess(emptyToUndefined, z.string().optional()),
	ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email().optional()),
	ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8).optional()),
	RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(20),
	/** Proxies whose X-Forwarded-For / X-Forwarded-Host are believed: `loopback`, addresses, a hop count. */
	TRUST_PROXY: z.preprocess(emptyToUndefined, z.string().trim().min(1).default('loopback')),
})

export type Env = z.infer<typeof EnvSchema> & {
	PUBLIC_URL: string
	SESSION_SECRET: string
	/** Folder beside the database: generated secrets, outgoing mail files. */
	DATA_DIR: string
}

/**
 * Secrets that are not given in the environment are generated once into the data folder
 * (never into the repository), so a restart keeps sessions and tickets valid.
 */
function loadOrCreateSecrets(dataDir: string): { sessionSecret: string } {
	const file = path.join(dataDir, 'secrets.json')
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
	const secrets = { sessionSecret: randomBytes(32).toString('base64url') }
	writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' })
	chmodSync(file, 0o600)
	return secrets
}

function parseEnv(source: NodeJS.ProcessEnv): Env {
	const parsed = EnvSchema.safeParse(source)
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		throw new Error(`Invalid environment: ${problems}`)
	}
	const env = parsed.data
	const databasePath = path.resolve(env.DATABASE_PATH)
	const dataDir = path.dirname(databasePath)
	mkdirSync(dataDir, { recursive: true })
	tightenDataFolder(dataDir)
	const sessionSecret = env.SESSION_SECRET ?? loadOrCreateSecrets(dataDir).sessionSecret
	return {
		...env,
		DATABASE_PATH: databasePath,
		DATA_DIR: dataDir,
		PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
		SESSION_SECRET: sessionSecret,
	}
}

let cached: Env | undefined

/** The environment, parsed and checked once; a bad value stops the process at boot. */
export function getEnv(): Env {
	cached ??= parseEnv(process.env)
	return cached
}

/** For tests that change the environment between cases. */
export function resetEnvForTests() {
	cached = undefined
}

/** What server.mjs (plain JavaScript) needs to listen, from the same validated environment. */
export function listenerEnv() {
	const env = getEnv()
	return { port: env.PORT, host: env.HOST, publicUrl: env.PUBLIC_URL, trustProxy: env.TRUST_PROXY }
}

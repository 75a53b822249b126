import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from '#db/schema/index.ts'
import { getEnv } from './env.server.ts'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

/** The migrations folder, found from the working directory or from this file (CLI bundle, tests). */
function migrationsFolder(): string {
	const candidates = [
		path.resolve('db/migrations'),
		path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations'),
		path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations'),
	]
	const found = candidates.find((c) => existsSync(path.join(c, 'meta/_journal.json')))
	if (!found) throw new Error(`Migrations folder not found (looked in ${candidates.join(', ')})`)
	return found
}

export function openDatabase(file: string, { runMigrations = true } = {}): Db {
	const sqlite = new Database(file)
	sqlite.pragma('journal_mode = WAL')
	sqlite.pragma('foreign_keys = ON')
	// FULL: a registration or a scan that was answered "ok" survives a power cut.
	sqlite.pragma('synchronous = FULL')
	sqlite.pragma('busy_timeout = 5000')
	cachePreparedStatements(sqlite)
	const db = drizzle(sqlite, { schema }) as Db
	if (runMigrations) migrate(db, { migrationsFolder: migrationsFolder() })
	return db
}

/**
 * drizzle prepares a new better-sqlite3 statement for every query, and preparing costs more than
 * running the small queries we make. Statements are cached by their SQL text and handed out
 * again with their modes reset (drizzle toggles raw mode per call). Safe because JavaScript runs
 * one query at a time on this connection and nothing here keeps an iterator open.
 */
function cachePreparedStatements(sqlite: Database.Database, limit = 500) {
	const cache = new Map<string, Database.Statement>()
	const prepare = sqlite.prepare.bind(sqlite)
	sqlite.prepare = ((source: string) => {
		const cached = cache.get(source)
		if (cached) {
			if (cached.reader) cached.raw(false).pluck(false).expand(false)
			return cached
		}
		const statement = prepare(source)
		if (cache.size >= limit) cache.delete(cache.keys().next().value!)
		cache.set(source, statement)
		return statement
	}) as typeof sqlite.prepare
}

const globalForDb = globalThis as unknown as { sajamDb?: Db }

/** The process's one connection. SQLite has one writer; one connection keeps that simple and fast. */
export function getDb(): Db {
	globalForDb.sajamDb ??= openDatabase(getEnv().DATABASE_PATH)
	return globalForDb.sajamDb
}

export function closeDb() {
	globalForDb.sajamDb?.$client.close()
	globalForDb.sajamDb = undefined
}

/**
 * Runs `work` in one `BEGIN IMMEDIATE` transaction: the write lock is taken first, so every check
 * made inside sees the latest data and no other writer can slip in between check and write.
 * `work` must be synchronous; a promise returned from it would escape the transaction.
 */
export function writeTransaction<T>(db: Db, work: (tx: Db) => T): T {
	const run = db.$client.transaction(() => {
		const result = work(db)
		if (result && typeof (result as { then?: unknown }).then === 'function') {
			throw new Error('writeTransaction: the callback must be synchronous')
		}
		return result
	})
	return run.immediate()
}

// The server's SQLite file opened directly with better-sqlite3, for what a test sets up or checks
// below the API: a decision released, a stand assigned, what the outbox queued. Each call opens
// the file, waits up to 5 s for the server's locks, and closes it again.
import Database from 'better-sqlite3'
import type { TestServer } from './server.ts'

/** A started server (its dbPath) or the path of a database file. */
export type DatabaseFile = Pick<TestServer, 'dbPath'> | string

const pathOf = (file: DatabaseFile) => (typeof file === 'string' ? file : file.dbPath)

/** Opens the file (read-write unless `readonly`), runs `work` and closes it again. */
export function withDatabase<T>(file: DatabaseFile, work: (db: Database.Database) => T, options: { readonly?: boolean; foreignKeys?: boolean } = {}): T {
	const db = new Database(pathOf(file), { fileMustExist: true, readonly: options.readonly ?? false })
	try {
		db.pragma('busy_timeout = 5000')
		if (options.foreignKeys) db.pragma('foreign_keys = ON')
		return work(db)
	} finally {
		db.close()
	}
}

/** Every row a read-only statement gives. */
export function dbAll<T = Record<string, unknown>>(file: DatabaseFile, statement: string, ...params: unknown[]): T[] {
	return withDatabase(file, (db) => db.prepare(statement).all(...params) as T[], { readonly: true })
}

/** The first row a read-only statement gives. */
export function dbGet<T = Record<string, unknown>>(file: DatabaseFile, statement: string, ...params: unknown[]): T {
	return withDatabase(file, (db) => db.prepare(statement).get(...params) as T, { readonly: true })
}

/** The first column of the first row a read-only statement gives (a count, an id). */
export function dbValue<T>(file: DatabaseFile, statement: string, ...params: unknown[]): T {
	return withDatabase(
		file,
		(db) =>
			db
				.prepare(statement)
				.pluck()
				.get(...params) as T,
		{ readonly: true },
	)
}

/** Runs a statement that writes. */
export function dbRun(file: DatabaseFile, statement: string, ...params: unknown[]) {
	return withDatabase(file, (db) => db.prepare(statement).run(...params))
}

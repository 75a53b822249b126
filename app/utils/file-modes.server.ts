// Personal data on disk are for the server's own user only: the data folder 0700, the database
// (with its -wal and -shm), generated secrets, backups and .eml files 0600. Modes are set
// explicitly (chmod after create), so a loose umask cannot widen them, and files made by an
// older version are tightened at start.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

export const OWNER_ONLY_DIR = 0o700
export const OWNER_ONLY_FILE = 0o600

/** Creates `dir` (and parents) if needed and makes it 0700, unless it is a shared sticky folder such as /tmp. */
export function ensureOwnerOnlyDir(dir: string) {
	mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR })
	const stat = statSync(dir)
	// A sticky, world-writable folder is someone else's to manage (DATABASE_PATH=/tmp/x.db).
	if (stat.mode & 0o1000) return
	if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return
	if ((stat.mode & 0o777) !== OWNER_ONLY_DIR) chmodSync(dir, OWNER_ONLY_DIR)
}

/** Makes an existing file 0600; does nothing if it is not there. */
export function makeOwnerOnly(file: string) {
	try {
		if ((statSync(file).mode & 0o777) !== OWNER_ONLY_FILE) chmodSync(file, OWNER_ONLY_FILE)
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
	}
}

/** Creates an empty file 0600 if it does not exist yet (SQLite then opens it as a new database). */
export function createOwnerOnlyFile(file: string) {
	if (!existsSync(file)) {
		try {
			closeSync(openSync(file, 'wx', OWNER_ONLY_FILE))
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
		}
	}
	makeOwnerOnly(file)
}

/** The database file and its companions. */
export function tightenDatabaseFiles(file: string) {
	for (const suffix of ['', '-wal', '-shm', '-journal']) makeOwnerOnly(`${file}${suffix}`)
}

/** At start: the data folder, the secrets in it and the .eml files of mail/ (made by older versions too). */
export function tightenDataFolder(dataDir: string) {
	ensureOwnerOnlyDir(dataDir)
	for (const name of ['secrets.json', 'ticket-keys.json']) makeOwnerOnly(path.join(dataDir, name))
	const mailDir = path.join(dataDir, 'mail')
	if (!existsSync(mailDir)) return
	ensureOwnerOnlyDir(mailDir)
	for (const name of readdirSync(mailDir)) if (name.endsWith('.eml')) makeOwnerOnly(path.join(mailDir, name))
}

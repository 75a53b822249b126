// The server's outbox, read from its database file: what was queued is what can ever be sent. A
// test that must show a mail was NOT sent asserts on the outbox instead of waiting and hoping.
import Database from 'better-sqlite3'

function read<T>(dbPath: string, work: (db: Database.Database) => T): T {
	const db = new Database(dbPath, { readonly: true, fileMustExist: true })
	try {
		db.pragma('busy_timeout = 5000')
		return work(db)
	} finally {
		db.close()
	}
}

/** The templates queued to an address, in the order they were queued. */
export function queuedTemplates(dbPath: string, address: string): string[] {
	return read(dbPath, (db) => db.prepare('SELECT template FROM outbox WHERE to_address = ? ORDER BY id').all(address) as { template: string }[]).map(
		(r) => r.template,
	)
}

/**
 * Waits until nothing is waiting to be delivered (every row sent or given up on). The test SMTP
 * server (mail-server.ts) stores a mail before it acknowledges it, and a row is marked sent only
 * after that acknowledgement: once the outbox has settled, every mail that was sent has arrived.
 */
export async function outboxSettled(dbPath: string, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs
	for (;;) {
		const waiting = read(dbPath, (db) => (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'sending')").get() as { n: number }).n)
		if (waiting === 0) return
		if (Date.now() > deadline) throw new Error(`the outbox still has ${waiting} mail(s) waiting after ${timeoutMs} ms`)
		await new Promise((resolve) => setTimeout(resolve, 50))
	}
}

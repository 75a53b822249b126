// The server's outbox, read from its database file: what was queued is what can ever be sent. A
// test that must show a mail was NOT sent asserts on the outbox instead of waiting and hoping.
import { dbAll, dbValue, type DatabaseFile } from './database.ts'
import { waitUntil } from './wait.ts'

/** The templates queued to an address, in the order they were queued. */
export function queuedTemplates(file: DatabaseFile, address: string): string[] {
	return dbAll<{ template: string }>(file, 'SELECT template FROM outbox WHERE to_address = ? ORDER BY id', address).map((r) => r.template)
}

/**
 * Waits until nothing is waiting to be delivered (every row sent or given up on). The test SMTP
 * server (mail-server.ts) stores a mail before it acknowledges it, and a row is marked sent only
 * after that acknowledgement: once the outbox has settled, every mail that was sent has arrived.
 */
export async function outboxSettled(file: DatabaseFile, timeoutMs = 15_000): Promise<void> {
	const waiting = () => dbValue<number>(file, "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')")
	await waitUntil(() => waiting() === 0, 'the outbox to settle', { timeoutMs, explain: () => `${waiting()} mail(s) still waiting` })
}

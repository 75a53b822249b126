import { sql } from 'drizzle-orm'
import { auditLog } from '#db/schema/index.ts'
import { actorLabel, type Actor } from '#app/domain/actor.ts'
import type { Db } from '#app/utils/db.server.ts'

// Prepared once per connection: the audit insert runs with every change.
const inserts = new WeakMap<Db, ReturnType<typeof prepareInsert>>()
function prepareInsert(db: Db) {
	const p = (name: string) => sql.placeholder(name)
	return db
		.insert(auditLog)
		.values({ at: sql`${p('at')}`, actor: p('actor'), action: p('action'), subject: p('subject'), details: sql`${p('details')}` })
		.prepare()
}

/** Call inside the transaction that makes the change, so the log and the change agree. */
export function recordAudit(tx: Db, actor: Actor, action: string, subject: string | null, details: Record<string, unknown> | null = null, now = new Date()) {
	let insert = inserts.get(tx)
	if (!insert) inserts.set(tx, (insert = prepareInsert(tx)))
	insert.run({ at: now.getTime(), actor: actorLabel(actor), action, subject, details: details === null ? null : JSON.stringify(details) })
}

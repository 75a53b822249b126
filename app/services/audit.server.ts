import { auditLog } from '#db/schema/index.ts'
import type { Db } from '#app/utils/db.server.ts'

export type Actor = { kind: 'user'; id: number } | { kind: 'token'; id: number } | { kind: 'cli' } | { kind: 'system' }

export function actorLabel(actor: Actor): string {
	return actor.kind === 'user' || actor.kind === 'token' ? `${actor.kind}:${actor.id}` : actor.kind
}

/** Call inside the transaction that makes the change, so the log and the change agree. */
export function recordAudit(
	tx: Db,
	actor: Actor,
	action: string,
	subject: string | null,
	details: Record<string, unknown> | null = null,
	now = new Date(),
) {
	tx.insert(auditLog).values({ at: now, actor: actorLabel(actor), action, subject, details }).run()
}

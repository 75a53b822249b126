// What an erasure does after its transaction commits: the person's mails written as .eml files
// (SMTP_URL unset) are removed, and the WAL is checkpointed and emptied, so the old versions of
// their rows are gone from disk too (secure_delete zeroes what the database frees). Backups made
// before the erasure still hold the data until they rotate out (docs/operations.md).
import { getEnv } from '#app/utils/env.server.ts'
import { checkpointAndTruncateWal, type Db } from '#app/utils/db.server.ts'
import { mailerConfigFromEnv, removeMailFiles } from '#app/services/workers/outbox-delivery.server.ts'

export function removeTracesAfterErasure(db: Db, outboxIds: number[], mailDir = mailerConfigFromEnv(getEnv()).mailDir) {
	removeMailFiles(mailDir, outboxIds)
	checkpointAndTruncateWal(db)
}

// Group commit: writes of one event-loop turn share a transaction, each in its own savepoint.
import { sql } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { getDb, writeInBatch } from '#app/utils/db.server.ts'

beforeAll(() => {
	getDb().run(sql`create table if not exists batch_probe (id integer primary key, label text not null unique)`)
})

const insert = (label: string) => (tx: ReturnType<typeof getDb>) => {
	tx.run(sql`insert into batch_probe (label) values (${label})`)
	return label
}
const count = () => (getDb().get(sql`select count(*) as n from batch_probe`) as { n: number }).n

test('concurrent writes commit together; a failing one is undone alone and rejected', async () => {
	const before = count()
	const results = await Promise.allSettled([
		writeInBatch(getDb(), insert('a')),
		writeInBatch(getDb(), (tx) => {
			tx.run(sql`insert into batch_probe (label) values ('doomed')`)
			throw new Error('refused')
		}),
		writeInBatch(getDb(), insert('a')), // unique violation: undone alone
		writeInBatch(getDb(), insert('b')),
	])
	expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled'])
	expect(count()).toBe(before + 2)
	expect(getDb().all(sql`select label from batch_probe order by id`)).toEqual([{ label: 'a' }, { label: 'b' }])
})

test('the answer comes after the commit: a second connection already sees the row', async () => {
	const Database = (await import('better-sqlite3')).default
	const { getEnv } = await import('#app/utils/env.server.ts')
	await writeInBatch(getDb(), insert('c'))
	const other = new Database(getEnv().DATABASE_PATH, { readonly: true })
	try {
		expect(other.prepare(`select count(*) as n from batch_probe where label = 'c'`).get()).toEqual({ n: 1 })
	} finally {
		other.close()
	}
})

test('a write batch refuses an async callback like any transaction', async () => {
	await expect(writeInBatch(getDb(), async () => 1)).rejects.toThrow(/synchronous/)
})

// Logo drafts on a real SQLite file: the total of everyone's drafts is capped, and expired drafts
// give their space back to the file system (issue 10: anonymous clients could fill the disk).
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, test } from 'vitest'
import { DRAFT_TOTAL_LIMIT_BYTES, purgeDraftImages, storeDraftImage } from '#app/services/commands/application-images.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { openDatabase } from '#app/utils/db.server.ts'

const dir = mkdtempSync(path.join(os.tmpdir(), 'sajam-drafts-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A PNG signature and `size` bytes of filler: checkUpload looks at the signature. */
function png(size: number, fill: number) {
	const bytes = new Uint8Array(size).fill(fill)
	bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
	return bytes
}

const fileBytes = (file: string) => statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0)

describe('logo drafts', () => {
	test('past the total cap a draft is refused with image_not_kept, per client or not', () => {
		const db = openDatabase(path.join(dir, 'cap.db'))
		const image = png(1.9 * 1024 * 1024, 1)
		const fit = Math.floor(DRAFT_TOTAL_LIMIT_BYTES / image.length)
		// Many clients, each within their own budget, together reach the total.
		for (let i = 0; i < fit; i++) storeDraftImage(db, image, new Date(), { client: `198.51.100.${i}` })
		let refused: unknown
		try {
			storeDraftImage(db, image, new Date(), { client: '198.51.100.250' })
		} catch (error) {
			refused = error
		}
		expect(refused).toBeInstanceOf(ServiceError)
		expect((refused as ServiceError).code).toBe('image_not_kept')
		// An image attached to an application being saved is not a draft: the cap does not apply.
		expect(() => storeDraftImage(db, image, new Date())).not.toThrow()
		db.$client.close()
	})

	test('expired drafts are deleted and their pages go back to the file system', () => {
		const file = path.join(dir, 'space.db')
		const db = openDatabase(file)
		const created = new Date(Date.now() - 2 * 24 * 3600 * 1000)
		for (let i = 0; i < 8; i++) storeDraftImage(db, png(1024 * 1024, i), created, { client: `192.0.2.${i}` })
		db.$client.pragma('wal_checkpoint(TRUNCATE)')
		const full = fileBytes(file)
		expect(full).toBeGreaterThan(8 * 1024 * 1024)
		expect(purgeDraftImages(db, new Date())).toBe(8)
		expect(db.$client.pragma('freelist_count', { simple: true })).toBe(0)
		expect(fileBytes(file)).toBeLessThan(full - 7 * 1024 * 1024)
		db.$client.close()
	})

	test('a database made before incremental vacuum is converted once when opened', () => {
		const file = path.join(dir, 'old.db')
		const old = new Database(file)
		old.exec('CREATE TABLE kept (id INTEGER PRIMARY KEY, note TEXT)')
		old.prepare('INSERT INTO kept (note) VALUES (?)').run('still here')
		expect(old.pragma('auto_vacuum', { simple: true })).toBe(0)
		old.close()
		const db = openDatabase(file, { runMigrations: false })
		expect(db.$client.pragma('auto_vacuum', { simple: true })).toBe(2)
		expect(db.$client.prepare('SELECT note FROM kept').get()).toEqual({ note: 'still here' })
		db.$client.close()
	})
})

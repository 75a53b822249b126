// Integration tests: each Vitest worker gets its own freshly migrated SQLite file, so tests in
// parallel files never see each other's rows. Import `getDb` from #app/utils/db.server.ts as usual.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'

const dir = mkdtempSync(path.join(os.tmpdir(), 'sajam-test-'))
process.env.DATABASE_PATH = path.join(dir, 'test.db')
process.env.NODE_ENV = 'test'
process.env.PUBLIC_URL = 'http://sajam.test'

afterAll(async () => {
	const { closeDb } = await import('#app/utils/db.server.ts')
	closeDb()
	rmSync(dir, { recursive: true, force: true })
})

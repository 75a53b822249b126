// Writes app/locales/sr-Cyrl/*.json from app/locales/sr-Latn/*.json by transliteration.
// Run after changing a Serbian Latin message: `npm run i18n:cyrl`. A unit test fails when the
// Cyrillic catalogs are out of date.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { deriveCyrillicCatalog } from '../app/domain/catalog.ts'

const root = path.resolve(import.meta.dirname, '../app/locales')
for (const file of readdirSync(path.join(root, 'sr-Latn'))) {
	if (!file.endsWith('.json')) continue
	const latin = JSON.parse(readFileSync(path.join(root, 'sr-Latn', file), 'utf8'))
	const cyrillic = deriveCyrillicCatalog(latin)
	writeFileSync(path.join(root, 'sr-Cyrl', file), JSON.stringify(cyrillic, null, 2) + '\n')
	console.log(`sr-Cyrl/${file}`)
}

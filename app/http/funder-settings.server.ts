// Reading the funder's card of /admin/settings: a multipart POST (the emblem) read through the one
// page-form reader. The emblem is checked by its bytes (image-check.ts): PNG or JPEG only (an SVG
// could carry a script, a WebP is not what print shops and mail clients all take), at most
// MAX_EMBLEM_BYTES. A refusal is a field error on `emblem`, never a 500, and stores nothing.
import type { TFunction } from 'i18next'
import { checkUpload } from '#app/domain/image-check.ts'
import { EMBLEM_FIELD, MAX_EMBLEM_BYTES } from '#app/domain/funder-visibility.ts'
import type { CheckedEmblem } from '#app/services/commands/site-settings.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'

export type EmblemUpload = { ok: true; emblem: CheckedEmblem | null } | { ok: false; error: string }

/** The form's text fields (a file part under any other name becomes '') and the checked emblem. */
export async function readSettingsForm(request: Request, t: TFunction): Promise<{ formData: FormData; emblem: EmblemUpload }> {
	const posted = await readPageForm(request, { uploads: true })
	const formData = new FormData()
	let emblem: EmblemUpload = { ok: true, emblem: null }
	for (const [name, value] of posted) {
		if (typeof value === 'string') {
			formData.append(name, value)
			continue
		}
		// A file input left empty still sends a part with no file name and no bytes.
		if (name !== EMBLEM_FIELD) formData.append(name, '')
		else if (value.size > MAX_EMBLEM_BYTES) emblem = { ok: false, error: t('reports:funder.errors.tooLarge', { size: '500 KB' }) }
		else if (value.size > 0 || value.name) {
			const bytes = new Uint8Array(await value.arrayBuffer())
			const check = checkUpload(bytes, undefined, MAX_EMBLEM_BYTES)
			if (!check.ok) emblem = { ok: false, error: t(check.key === 'imageEmpty' ? 'reports:funder.errors.empty' : 'reports:funder.errors.notAllowed') }
			else if (check.type === 'webp') emblem = { ok: false, error: t('reports:funder.errors.notAllowed') }
			else emblem = { ok: true, emblem: { bytes, mime: check.mimeType as CheckedEmblem['mime'] } }
		}
	}
	return { formData, emblem }
}

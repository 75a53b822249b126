// GET /api/v1/fairs/{slug}/settings (organizer) → {settings}.
// PUT /api/v1/fairs/{slug}/settings (organizer): the whole settings, fields left out take their
// defaults → {settings}. Drafts included: a fair is set up before it is published.
import { fairSettingsApiSchema } from '#app/domain/fair-settings-input.ts'
import type { Locale } from '#app/domain/locale.ts'
import { updateFairSettings } from '#app/services/commands/fair-settings.server.ts'
import { getFairSettings, toFairSettingsJson } from '#app/services/queries/fair-settings.server.ts'
import { readJsonBody } from '#app/http/api.server.ts'
import { apiAction, apiLoader } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getT } from '#app/utils/i18n.server.ts'

const ALLOWED = ['GET', 'HEAD', 'PUT']

const standardName = (locale: Locale, code: string) => getT(locale, 'fair')(`category.${code}`, { defaultValue: code })

export const loader = apiLoader({ role: 'organizer', scope: 'fair' }, ({ event }) =>
	Response.json({ settings: toFairSettingsJson(getFairSettings(getDb(), event.id), standardName) }),
)

export const action = apiAction({ allow: ALLOWED, role: 'organizer', scope: 'fair' }, async ({ request, principal, event }) => {
	const input = await readJsonBody(request, fairSettingsApiSchema(event.startsAt))
	const settings = updateFairSettings(getDb(), event.id, input, principal.actor)
	return Response.json({ settings: toFairSettingsJson(settings, standardName) })
})

// GET /api/v1/fairs/{slug}/settings (organizer) → {settings}.
// PUT /api/v1/fairs/{slug}/settings (organizer): the whole settings, fields left out take their
// defaults → {settings}. Drafts included: a fair is set up before it is published.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { fairSettingsApiSchema } from '#app/domain/fair-settings-input.ts'
import type { Locale } from '#app/domain/locale.ts'
import { updateFairSettings } from '#app/services/commands/fair-settings.server.ts'
import { getFairSettings, toFairSettingsJson } from '#app/services/queries/fair-settings.server.ts'
import { asApiError, methodNotAllowed, readJsonBody } from '#app/http/api.server.ts'
import { requireApiFair, requireApiRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getT } from '#app/utils/i18n.server.ts'

const ALLOWED = ['GET', 'HEAD', 'PUT']

const standardName = (locale: Locale, code: string) => getT(locale, 'fair')(`category.${code}`, { defaultValue: code })

export async function loader({ request, params }: LoaderFunctionArgs) {
	const principal = await requireApiRole(request, 'organizer')
	try {
		const event = await requireApiFair(request, principal, params.slug)
		return Response.json({ settings: toFairSettingsJson(getFairSettings(getDb(), event.id), standardName) })
	} catch (error) {
		throw await asApiError(request, error)
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	if (request.method !== 'PUT') return methodNotAllowed(request, ALLOWED)
	const principal = await requireApiRole(request, 'organizer')
	try {
		const event = await requireApiFair(request, principal, params.slug)
		const input = await readJsonBody(request, fairSettingsApiSchema(event.startsAt))
		const settings = updateFairSettings(getDb(), event.id, input, principal.actor)
		return Response.json({ settings: toFairSettingsJson(settings, standardName) })
	} catch (error) {
		throw await asApiError(request, error)
	}
}

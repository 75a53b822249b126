// GET /api/v1/fairs/{slug}/exhibitors (public) → {exhibitors: [{id, name, category, description?,
// descriptionEn?, municipality, website?, logoUrl?}]}: the fair's public catalogue, ordered by name.
// Only accepted (and released) exhibitors who consented to the catalogue; see exhibitors.server.ts.
import { findCatalogueFair, listCatalogue, toExhibitorJson } from '#app/services/queries/exhibitors.server.ts'
import { apiError } from '#app/http/api.server.ts'
import { apiLoader, apiMethodNotAllowed } from '#app/http/api-route.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

export const loader = apiLoader({}, ({ request, params }) => {
	const slug = params.slug ?? ''
	const fair = findCatalogueFair(getDb(), slug)
	if (!fair) return apiError(request, 404, 'not_found')
	const publicUrl = getEnv().PUBLIC_URL
	const exhibitors = listCatalogue(getDb(), fair.event.id).map((entry) => toExhibitorJson(entry, fair.event.slug, publicUrl))
	// Public and the same for everyone: a minute in a shared cache is harmless (a release shows up a minute later at most).
	return Response.json({ exhibitors }, { headers: { 'Cache-Control': 'public, max-age=60' } })
})

export const action = apiMethodNotAllowed(['GET', 'HEAD'])

// /admin/research.csv: the research view's tables for a spreadsheet, hidden cells hidden as on the
// page ("<5", "—"). `;` by default (Excel with Serbian settings), ?delimiter=comma otherwise; the
// fair as on the page (?fair=id). Never cached.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { researchCsv, researchData } from '#app/services/queries/research.server.ts'
import { idParam } from '#app/http/api.server.ts'
import { requireRole } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getRequestT } from '#app/utils/i18n.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'

// No form here: an anonymous caller goes to the login first, as for the page; then any other
// method than GET is a 405 page with one log line (Remix's own 405 logs a stack trace).
export async function action({ request }: { request: Request }) {
	await requireRole(request, 'organizer')
	return methodNotAllowed({ request })
}

export async function loader({ request }: LoaderFunctionArgs) {
	await requireRole(request, 'organizer')
	const { locale, t } = await getRequestT(request, ['exhibitors'])
	const search = new URL(request.url).searchParams
	const delimiter = search.get('delimiter') === 'comma' ? ',' : ';'
	const data = researchData(getDb(), idParam(search.get('fair') ?? undefined))
	return new Response(researchCsv(data, t, locale, delimiter), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="research${data.fair ? `-${data.fair.id}` : ''}.csv"`,
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff',
		},
	})
}

// /applications/{token}/data.json: "download my data", everything stored about this application
// as the exhibitor may know it (what is left out, and why: applicationDataExport).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { applicationDataExport, findManagedApplication } from '#app/services/views/application-page.server.ts'
import { privateHeaders } from '#app/http/private-headers.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'
import { errorResponse } from '#app/http/responses.server.ts'

// No form here: any other method than GET is a 405 page with one log line (Remix's own 405
// logs a stack trace).
export const action = methodNotAllowed

export async function loader({ params }: LoaderFunctionArgs) {
	const managed = findManagedApplication(getDb(), params.token ?? '')
	if (!managed) return errorResponse(404, privateHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }))
	return new Response(JSON.stringify(applicationDataExport(managed, getEnv().PUBLIC_URL), null, 2) + '\n', {
		headers: privateHeaders({
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="sajam-${managed.fair.event.slug}-application-${managed.application.id}.json"`,
		}),
	})
}

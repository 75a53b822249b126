// Anything under /api that no route claims: a JSON 404, never the HTML error page.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '#app/http/api.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	return apiError(request, 404, 'not_found')
}

export async function action({ request }: ActionFunctionArgs) {
	return apiError(request, 404, 'not_found')
}

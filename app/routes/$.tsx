// Any page address no route claims. Without this route a 404 under a known prefix (/admin/…)
// matches no route on the server but a partial one in the browser (lazy route discovery), and
// the page fails to hydrate (React #418/#423). Matching it here gives both sides the same route.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { errorResponse } from '#app/http/responses.server.ts'

export async function loader(_: LoaderFunctionArgs): Promise<never> {
	throw errorResponse(404)
}

export async function action(_: ActionFunctionArgs): Promise<never> {
	throw errorResponse(404)
}

export default function NotFound() {
	return null
}

import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { deleteSession } from '#app/services/commands/users.server.ts'
import { getSessionId, sessionCookie } from '#app/http/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

// Logging out changes state, so it is a POST (the admin bar's button); a GET only redirects.
export async function loader() {
	return redirect('/admin')
}

export async function action({ request }: ActionFunctionArgs) {
	const id = await getSessionId(request)
	if (id) deleteSession(getDb(), id)
	return redirect('/admin/login', {
		headers: { 'Set-Cookie': await sessionCookie().serialize('', { maxAge: 0, expires: new Date(0) }) },
	})
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, NavLink, Outlet, useLoaderData, useLocation } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { requireUser } from '#app/http/auth.server.ts'
import { methodNotAllowed } from '#app/http/page-form.server.ts'

// No form here: an anonymous caller goes to the login first, as for the page; then any other
// method than GET is a 405 page with one log line (Remix's own 405 logs a stack trace).
export async function action({ request }: { request: Request }) {
	await requireUser(request)
	return methodNotAllowed({ request })
}

// Every admin route guards itself in its own loader and action: Remix runs loaders in
// parallel, so this layout's check alone would not protect a child's data.
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	return { user: { name: user.name, email: user.email, role: user.role } }
}

/**
 * On a phone the organizers' bar is one row that scrolls sideways (app.css): the link of the page
 * one is on is scrolled into the middle of it, so it never hides past the edge. Only the bar moves.
 */
function useCurrentNavLinkInView() {
	const { pathname } = useLocation()
	useEffect(() => {
		const link = document.querySelector<HTMLElement>('.admin-bar a[aria-current="page"]')
		const bar = link?.closest<HTMLElement>('.admin-bar .container')
		if (!link || !bar || bar.scrollWidth <= bar.clientWidth) return
		const offset = link.getBoundingClientRect().left - bar.getBoundingClientRect().left
		bar.scrollLeft += offset - (bar.clientWidth - link.offsetWidth) / 2
	}, [pathname])
}

export default function AdminLayout() {
	const { user } = useLoaderData<typeof loader>()
	const { t } = useTranslation('admin')
	useCurrentNavLinkInView()
	return (
		<>
			<div className="admin-bar">
				<div className="container">
					<nav aria-label={t('nav.label')}>
						<ul className="admin-nav">
							<li>
								<NavLink to="/admin" end>
									{t('nav.events')}
								</NavLink>
							</li>
							<li>
								<NavLink to="/admin/events/new">{t('nav.newEvent')}</NavLink>
							</li>
							{user.role === 'scanner' ? null : (
								<li>
									<NavLink to="/admin/outbox">{t('mail:outboxPage.title')}</NavLink>
								</li>
							)}
							{user.role === 'scanner' ? null : (
								<li>
									<NavLink to="/admin/research">{t('exhibitors:research.nav')}</NavLink>
								</li>
							)}
							{user.role === 'scanner' ? null : (
								<li>
									<NavLink to="/admin/surveys">{t('survey-admin:nav')}</NavLink>
								</li>
							)}
							{user.role === 'scanner' ? null : (
								<li>
									<NavLink to="/admin/reports">{t('reports:nav')}</NavLink>
								</li>
							)}
							{user.role === 'admin' ? (
								<>
									<li>
										<NavLink to="/admin/users">{t('accounts:nav.users')}</NavLink>
									</li>
									<li>
										<NavLink to="/admin/tokens">{t('accounts:nav.tokens')}</NavLink>
									</li>
									<li>
										<NavLink to="/admin/settings">{t('settings.nav')}</NavLink>
									</li>
								</>
							) : null}
						</ul>
					</nav>
					<div className="who">
						<span>
							<NavLink to="/admin/account" title={t('accounts:nav.account')}>
								{user.name}
							</NavLink>{' '}
							<span className="who-role">· {t(`roles.${user.role}`)}</span>
						</span>
						<Form method="post" action="/admin/logout">
							<button type="submit" className="link-button">
								{t('nav.logout')}
							</button>
						</Form>
					</div>
				</div>
			</div>
			<div className="container admin-page">
				<Outlet />
			</div>
		</>
	)
}

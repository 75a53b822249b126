import { Link, useLocation, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { addressFor, hasContact, telHref, type CenterContact } from '#app/domain/center-contact.ts'
import type { FunderBlockView } from '#app/domain/funder-visibility.ts'
import { LOCALES } from '#app/domain/locale.ts'
import { FunderBlock } from './funder-block.tsx'
import { useLocale } from '#app/utils/use-locale.ts'

/** The fair stall with its striped awning: Sajam's mark. */
export function Logo({ size = 40 }: { size?: number }) {
	return (
		<svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" focusable="false" className="logo-mark">
			<rect x="4" y="20" width="40" height="24" rx="3" fill="#0d5447" />
			<rect x="10" y="28" width="12" height="16" rx="1.5" fill="#fbf7ef" />
			<rect x="26" y="28" width="12" height="8" rx="1.5" fill="#f2b544" />
			<path d="M2 12 L8 4 H40 L46 12 Z" fill="#0d5447" />
			<path d="M2 12 h8.8 v4 a4.4 4.4 0 0 1 -8.8 0 Z" fill="#e0662f" />
			<path d="M10.8 12 h8.8 v4 a4.4 4.4 0 0 1 -8.8 0 Z" fill="#fbf7ef" />
			<path d="M19.6 12 h8.8 v4 a4.4 4.4 0 0 1 -8.8 0 Z" fill="#e0662f" />
			<path d="M28.4 12 h8.8 v4 a4.4 4.4 0 0 1 -8.8 0 Z" fill="#fbf7ef" />
			<path d="M37.2 12 h8.8 v4 a4.4 4.4 0 0 1 -8.8 0 Z" fill="#e0662f" />
		</svg>
	)
}

/** Links to the same page in each language (?lang= is remembered in a cookie). */
export function LanguageSwitcher() {
	const { t } = useTranslation()
	const locale = useLocale()
	const location = useLocation()
	return (
		<nav className="lang-switch" aria-label={t('language.label')}>
			<ul>
				{LOCALES.map((l) => {
					const params = new URLSearchParams(location.search)
					params.set('lang', l)
					return (
						<li key={l}>
							<Link
								to={`${location.pathname}?${params.toString()}`}
								hrefLang={l}
								lang={l}
								aria-current={l === locale ? 'true' : undefined}
								// Reload the whole page: the language changes the server's answer and the cookie.
								reloadDocument
							>
								{t(`language.${l}`)}
							</Link>
						</li>
					)
				})}
			</ul>
		</nav>
	)
}

export function SiteHeader() {
	const { t } = useTranslation()
	// The organizers' pages take a compact header on a phone (app.css): the admin bar follows it.
	const { pathname } = useLocation()
	const admin = pathname === '/admin' || pathname.startsWith('/admin/')
	return (
		<header className={`site-header${admin ? ' admin-header' : ''}`}>
			<a className="skip-link" href="#main">
				{t('skipToContent')}
			</a>
			<div className="container header-row">
				<Link to="/" className="brand">
					<Logo />
					<span className="brand-text">
						<span className="brand-name">{t('siteName')}</span>
						<span className="brand-sub">{t('centerName')}</span>
					</span>
				</Link>
				<LanguageSwitcher />
			</div>
		</header>
	)
}

export function SiteFooter() {
	const { t } = useTranslation()
	// The root loader's contact (absent on an error page whose root loader failed).
	const root = useRouteLoaderData<{ contact?: CenterContact; funder?: FunderBlockView | null }>('root')
	const contact = root?.contact
	const locale = useLocale()
	// The funder's block when the admin ticked it for public pages (the reports show it themselves).
	const { pathname } = useLocation()
	const funder = pathname === '/admin' || pathname.startsWith('/admin/') ? null : root?.funder
	return (
		<footer className="site-footer">
			<div className="container footer-grid">
				<div>
					<p className="footer-title">{t('centerName')}</p>
					<p>{contact?.address ? addressFor(contact.address, locale) : t('footer.address')}</p>
					{hasContact(contact) && (contact.email || contact.phone) ? (
						<ul className="footer-links footer-contact" aria-label={t('footer.contact')}>
							{contact.email ? (
								<li>
									{t('footer.email')}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
								</li>
							) : null}
							{contact.phone ? (
								<li>
									{t('footer.phone')}: <a href={telHref(contact.phone)}>{contact.phone}</a>
								</li>
							) : null}
						</ul>
					) : null}
				</div>
				<nav aria-label={t('nav.main')}>
					<ul className="footer-links">
						<li>
							<Link to="/">{t('nav.events')}</Link>
						</li>
						<li>
							<a href="/#calendar-subscribe">{t('footer.calendarFeed')}</a>
						</li>
						<li>
							<Link to="/privacy">{t('nav.privacy')}</Link>
						</li>
						<li>
							<Link to="/admin">{t('nav.organizers')}</Link>
						</li>
					</ul>
				</nav>
				<p className="footer-about">{t('footer.about')}</p>
				{funder ? <FunderBlock block={funder} className="footer-funder" /> : null}
			</div>
		</footer>
	)
}

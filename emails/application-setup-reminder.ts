// The exhibitor's reminder the day before setting up (queued by the sweep): the stand, when setting
// up starts and the fair opens, the place and the map. Optional: carries the stop link.
import { formatLongDate, formatTime } from '#app/domain/format.ts'
import type { ApplicationMailParams } from '#app/services/commands/outbox.server.ts'
import { applicationButton, applicationFooter, applicationGreeting } from './application-parts.ts'
import { standMapUrl } from './application-stand.ts'
import { button, compose, details, heading, paragraph } from './layout.ts'
import { stopMailsLine } from './optional-parts.ts'
import { eventView } from './parts.ts'
import type { MailBuilder } from './types.ts'

export const applicationSetupReminder: MailBuilder<ApplicationMailParams> = async (params, ctx) => {
	const { t } = ctx
	const view = eventView(params.event, ctx)
	const setup = params.setupStartsAt ? new Date(params.setupStartsAt) : view.start
	const setupText = t('application.stand.setupAt', { date: formatLongDate(setup, ctx.locale), time: formatTime(setup, ctx.locale) })
	const label = params.stand?.label ?? ''
	const rows: [string, string][] = []
	if (label) rows.push([t('application.stand.stand'), label])
	rows.push([t('application.stand.setup'), setupText])
	rows.push([t('application.stand.opening'), t('application.stand.openingAt', { time: formatTime(view.start, ctx.locale) })])
	rows.push([t('details.where'), view.where])
	return compose(ctx, {
		subject: t('setupReminder.subject', { event: view.title }),
		preheader: t('setupReminder.preheader', { setup: setupText }),
		blocks: [
			heading(view.title),
			applicationGreeting(params, ctx),
			paragraph(t('setupReminder.intro', { org: params.application.orgName })),
			details(rows),
			...(label ? [button(standMapUrl(params, ctx, label), t('application.stand.mapButton'))] : []),
			paragraph(t('setupReminder.cantCome')),
			...applicationButton(params, ctx),
		],
		footer: [...applicationFooter(params, ctx), ...stopMailsLine(params, ctx)],
	})
}

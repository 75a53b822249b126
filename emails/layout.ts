// The frame every mail shares, in HTML and plain text from one list of blocks, so the two versions
// never say different things. HTML is deliberately old-fashioned (tables, inline styles, 600 px):
// it is what mail clients render alike, on phones too. Dark mode: clients that honour
// prefers-color-scheme get the dark palette below; the others invert the light one, which is
// plain enough to survive that.
import { LOGO_CID } from './logo-png.ts'
import type { MailContext } from './types.ts'

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A piece of a mail in both versions. */
export type Block = { html: string; text: string }

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Arial,Helvetica,sans-serif"
const TEXT_COLOR = '#1f2328'
const MUTED_COLOR = '#57606a'
// The site's colours (app.css): the Center's green for buttons and links, the awning's orange as
// the header's rule. White on this green is 9.9:1, the green on white the same.
const BRAND_GREEN = '#0d5447'
const BRAND_ORANGE = '#e0662f'
const LINK_COLOR = BRAND_GREEN

export function paragraph(text: string, options: { muted?: boolean; strong?: boolean } = {}): Block {
	const color = options.muted ? MUTED_COLOR : TEXT_COLOR
	const size = options.muted ? '14px' : '16px'
	const content = options.strong ? `<strong>${escapeHtml(text)}</strong>` : escapeHtml(text)
	return {
		html: `<p class="${options.muted ? 'muted' : 'fg'}" style="margin:0 0 16px;${FONT};font-size:${size};line-height:1.5;color:${color}">${content}</p>`,
		text,
	}
}

export function heading(text: string): Block {
	return {
		html: `<h1 class="fg" style="margin:0 0 16px;${FONT};font-size:22px;line-height:1.3;font-weight:700;color:${TEXT_COLOR}">${escapeHtml(text)}</h1>`,
		text: `${text}\n${'='.repeat(Math.min([...text].length, 60))}`,
	}
}

/** Label–value rows (when, where, how many). */
export function details(rows: [label: string, value: string][]): Block {
	const cells = rows
		.map(
			([label, value]) =>
				`<tr><th scope="row" align="left" valign="top" class="muted" style="padding:4px 12px 4px 0;${FONT};font-size:14px;font-weight:600;color:${MUTED_COLOR};white-space:nowrap">${escapeHtml(label)}</th>` +
				`<td class="fg" style="padding:4px 0;${FONT};font-size:16px;line-height:1.4;color:${TEXT_COLOR}">${escapeHtml(value)}</td></tr>`,
		)
		.join('')
	return {
		html: `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;border-collapse:collapse">${cells}</table>`,
		text: rows.map(([label, value]) => `${label}: ${value}`).join('\n'),
	}
}

/** A big tappable link (a table cell, so Outlook draws the background too). */
export function button(href: string, label: string): Block {
	return {
		html:
			`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px"><tr>` +
			`<td class="btn" bgcolor="${LINK_COLOR}" style="border-radius:6px;background:${LINK_COLOR}">` +
			`<a class="btn" href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;${FONT};font-size:16px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(label)}</a>` +
			`</td></tr></table>`,
		text: `${label}:\n${href}`,
	}
}

/** A link on its own line, written out so it can be copied from a client that strips links. */
export function linkLine(label: string, href: string, options: { muted?: boolean } = {}): Block {
	const color = options.muted ? MUTED_COLOR : TEXT_COLOR
	const size = options.muted ? '14px' : '16px'
	return {
		html: `<p class="${options.muted ? 'muted' : 'fg'}" style="margin:0 0 16px;${FONT};font-size:${size};line-height:1.5;color:${color}">${escapeHtml(label)}<br><a href="${escapeHtml(href)}" style="color:${LINK_COLOR};word-break:break-all">${escapeHtml(href)}</a></p>`,
		text: `${label}\n${href}`,
	}
}

/** An inline image (a CID attachment: mail clients block data: URIs and remote SVG). */
export function image(cid: string, alt: string, size: number, caption: string): Block {
	return {
		html:
			`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px"><tr><td align="center" style="padding:12px;background:#ffffff;border:1px solid #d0d7de;border-radius:8px">` +
			`<img src="cid:${escapeHtml(cid)}" width="${size}" height="${size}" alt="${escapeHtml(alt)}" style="display:block;width:${size}px;max-width:100%;height:auto;border:0">` +
			`</td></tr></table>` +
			`<p class="muted" style="margin:0 0 16px;${FONT};font-size:14px;line-height:1.5;color:${MUTED_COLOR}">${escapeHtml(caption)}</p>`,
		text: caption,
	}
}

/** The cid of the funder's emblem in a mail's footer (renderMail attaches it). */
export const FUNDER_EMBLEM_CID = 'funder-emblem@sajam'

/** The funder's visibility block (EU emblem, statement, disclaimer) at the foot of the mail. */
function funderFooter(ctx: MailContext): Block[] {
	const funder = ctx.funder
	if (!funder || !(funder.emblem || funder.statement)) return []
	const texts = [funder.statement, funder.disclaimer].filter((line): line is string => !!line)
	const emblem = funder.emblem
		? `<td valign="top" style="padding:0 12px 0 0"><img src="cid:${FUNDER_EMBLEM_CID}" height="40" alt="${escapeHtml(ctx.t('reports:funder.emblemAlt'))}" style="display:block;height:40px;width:auto;border:0;background:#ffffff;padding:2px"></td>`
		: ''
	const lines = texts
		.map((line) => `<p class="muted" style="margin:0 0 6px;${FONT};font-size:12px;line-height:1.45;color:${MUTED_COLOR}">${escapeHtml(line)}</p>`)
		.join('')
	return [
		{
			html: `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" data-funder-block style="margin:0 0 16px;border-top:1px solid #d0d7de"><tr>${emblem}<td valign="top" style="padding-top:10px">${lines}</td></tr></table>`,
			text: texts.join('\n'),
		},
	]
}

/** The mark and the site's name at the top of every mail (the logo is a CID attachment: renderMail adds it). */
function masthead(ctx: MailContext) {
	const name = ctx.t('common.senderName')
	return (
		`<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>` +
		`<td valign="middle" style="padding:0 12px 0 0"><img src="cid:${LOGO_CID}" width="44" height="44" alt="" style="display:block;width:44px;height:44px;border:0;border-radius:8px"></td>` +
		`<td valign="middle" style="${FONT}"><span class="brand" style="display:block;font-size:20px;line-height:1.2;font-weight:700;color:${BRAND_GREEN}">${escapeHtml(name)}</span>` +
		`<span class="muted" style="display:block;font-size:13px;line-height:1.3;color:${MUTED_COLOR}">${escapeHtml(ctx.t('common.centerName'))}</span></td>` +
		`</tr></table>`
	)
}

const DARK_STYLE = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
	.bg { background:#0d1117 !important; }
	.card { background:#161b22 !important; }
	.fg { color:#e6edf3 !important; }
	.muted { color:#9da7b3 !important; }
	a { color:#8fd3c3 !important; }
	td.btn { background:#8fd3c3 !important; }
	a.btn { color:#0d1117 !important; }
	.brand { color:#e6edf3 !important; }
}`

/**
 * The whole mail: a preheader (the line inboxes show after the subject), the blocks, and the
 * footer that every mail carries (who sends it, why you get it).
 */
export function compose(ctx: MailContext, mail: { subject: string; preheader: string; blocks: Block[]; footer: Block[] }) {
	const body = mail.blocks.map((b) => b.html).join('\n')
	// Where a person at the Center answers (the mail's Reply-To too), when the Center has a contact address.
	const contactBlocks = ctx.contactEmail ? [paragraph(ctx.t('common.contact', { email: ctx.contactEmail }), { muted: true })] : []
	const footerBlocks = [...mail.footer, ...contactBlocks, ...funderFooter(ctx)]
	const footer = footerBlocks.map((b) => b.html).join('\n')
	const html = `<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(mail.subject)}</title>
<style>${DARK_STYLE}</style>
</head>
<body class="bg" style="margin:0;padding:0;background:#f3f4f6">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">${escapeHtml(mail.preheader)}</div>
<table role="presentation" class="bg" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" class="card" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-radius:8px"><tr><td style="padding:16px 20px 12px;border-bottom:3px solid ${BRAND_ORANGE}">
${masthead(ctx)}
</td></tr><tr><td style="padding:24px 20px">
${body}
</td></tr></table>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px"><tr><td style="padding:16px 20px">
${footer}
</td></tr></table>
</td></tr></table>
</body>
</html>
`
	const text = [...mail.blocks.map((b) => b.text), '--', ...footerBlocks.map((b) => b.text)].join('\n\n') + '\n'
	return { subject: mail.subject, html, text }
}

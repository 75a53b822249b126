import { INTL_TAG, TIME_ZONE, type Locale } from './locale.ts'

// Intl formatters are costly to build and cheap to reuse.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `d|${locale}|${JSON.stringify(options)}`
	let f = cache.get(key) as Intl.DateTimeFormat | undefined
	if (!f) {
		f = new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: TIME_ZONE, ...options })
		cache.set(key, f)
	}
	return f
}

/** "subota, 5. decembar 2026." / "Saturday, 5 December 2026" */
export function formatLongDate(date: Date, locale: Locale) {
	return dateFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date)
}

/** "5. 12. 2026." */
export function formatShortDate(date: Date, locale: Locale) {
	return dateFormat(locale, { dateStyle: 'medium' }).format(date)
}

/** "10:00" */
export function formatTime(date: Date, locale: Locale) {
	return dateFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date)
}

/** "10:00:05": for logs, where seconds tell scans apart. */
export function formatTimeWithSeconds(date: Date, locale: Locale) {
	return dateFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date)
}

/** "5. 12. 2026. 10:00" */
export function formatDateTime(date: Date, locale: Locale) {
	return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(date)
}

/** "10:00–16:00", or a full range when the event spans days. */
export function formatEventTimeRange(start: Date, end: Date, locale: Locale) {
	if (sameBelgradeDay(start, end)) return `${formatTime(start, locale)}–${formatTime(end, locale)}`
	return `${formatDateTime(start, locale)} – ${formatDateTime(end, locale)}`
}

/** Parts for a calendar-page style date badge: day number and short month. */
export function dateBadge(date: Date, locale: Locale) {
	const day = dateFormat(locale, { day: 'numeric' }).format(date)
	const month = dateFormat(locale, { month: 'short' }).format(date).replace(/\.$/, '')
	return { day, month }
}

export function formatNumber(value: number, locale: Locale) {
	const key = `n|${locale}`
	let f = cache.get(key) as Intl.NumberFormat | undefined
	if (!f) {
		f = new Intl.NumberFormat(INTL_TAG[locale])
		cache.set(key, f)
	}
	return f.format(value)
}

/** 0.625 → "63 %" (sr) / "63%" (en): whole percents. */
export function formatPercent(ratio: number, locale: Locale) {
	const key = `p|${locale}`
	let f = cache.get(key) as Intl.NumberFormat | undefined
	if (!f) {
		f = new Intl.NumberFormat(INTL_TAG[locale], { style: 'percent', maximumFractionDigits: 0 })
		cache.set(key, f)
	}
	return f.format(ratio)
}

function belgradeParts(date: Date) {
	const parts = dateFormat('en', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23',
	}).formatToParts(date)
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
	return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') }
}

function sameBelgradeDay(a: Date, b: Date) {
	const pa = belgradeParts(a)
	const pb = belgradeParts(b)
	return pa.year === pb.year && pa.month === pb.month && pa.day === pb.day
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A Date as the value of an <input type="datetime-local">, in Belgrade time. */
export function toBelgradeLocalInput(date: Date): string {
	const p = belgradeParts(date)
	return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

/**
 * "2026-12-05T10:00" read as Belgrade wall-clock time → the instant. Works across DST changes:
 * the offset is found for the guessed instant, then checked once more at the corrected one.
 * Returns undefined for a malformed value.
 */
export function fromBelgradeLocalInput(value: string): Date | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
	if (!m) return undefined
	const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number]
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined
	const asUtc = Date.UTC(y, mo - 1, d, h, mi, s)
	const offsetAt = (instant: number) => {
		const p = belgradeParts(new Date(instant))
		return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant
	}
	let instant = asUtc - offsetAt(asUtc)
	instant = asUtc - offsetAt(instant)
	const result = new Date(instant)
	// Reject dates that do not exist (31 February) by reading the wall clock back.
	if (toBelgradeLocalInput(result).slice(0, 10) !== `${y}-${pad(mo)}-${pad(d)}`) return undefined
	return result
}

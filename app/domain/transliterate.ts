/**
 * Serbian Latin → Cyrillic, for showing texts written in Latin (catalog messages, event titles)
 * to readers who chose Cyrillic. Cyrillic → Latin is exact; this direction needs care:
 * - "lj", "nj", "dž" are one letter each, except in a few prefixes where they meet across a
 *   morpheme boundary (nadživeti = над-живети, injekcija = ин-јекција);
 * - foreign names, web addresses, email addresses, codes and message placeholders stay as written.
 */

const SINGLE: Record<string, string> = {
	a: 'а',
	b: 'б',
	c: 'ц',
	č: 'ч',
	ć: 'ћ',
	d: 'д',
	đ: 'ђ',
	e: 'е',
	f: 'ф',
	g: 'г',
	h: 'х',
	i: 'и',
	j: 'ј',
	k: 'к',
	l: 'л',
	m: 'м',
	n: 'н',
	o: 'о',
	p: 'п',
	r: 'р',
	s: 'с',
	š: 'ш',
	t: 'т',
	u: 'у',
	v: 'в',
	z: 'з',
	ž: 'ж',
}
const DIGRAPHS: Record<string, string> = { lj: 'љ', nj: 'њ', dž: 'џ' }

/** Word starts where a digraph's letters belong to two morphemes and are written apart. */
const SPLIT_PREFIXES = ['nadž', 'podž', 'odž', 'injek', 'konjuk', 'konjunk', 'tanjug']

/** Words kept in Latin: brands and foreign names that Serbian texts leave as they are. */
const KEEP_LATIN = new Set(
	[
		'Facebook',
		'Instagram',
		'LinkedIn',
		'TikTok',
		'YouTube',
		'Google',
		'Outlook',
		'Apple',
		'iCalendar',
		'iPhone',
		'Android',
		'Chrome',
		'Firefox',
		'Safari',
		'OpenStreetMap',
		'ReLOaD',
		'email',
		'e-mail',
		'online',
		'offline',
		// technical abbreviations written in Latin in Serbian texts too
		'API',
		'JSON',
		'URL',
		'PDF',
		'CSV',
		'HTML',
		'HTTP',
		'HTTPS',
		'ICS',
		'ISO',
		'UTC',
		'PNG',
		'JPEG',
		'SVG',
	].map((w) => w.toLowerCase()),
)

/** Segments that must pass through untouched. */
const PROTECTED = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>|https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\/[\w\-./?=&%#]+)/u

const WORD = /([\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*)/u

function isUpper(ch: string) {
	return ch !== ch.toLowerCase() && ch === ch.toUpperCase()
}

function transliterateWord(word: string): string {
	const lower = word.toLowerCase()
	if (KEEP_LATIN.has(lower)) return word
	// Letters Serbian does not use (q, w, x, y) mark a foreign word or a code: leave it.
	if (/[qwxy]/i.test(word)) return word
	// Mixed case inside a word (e.g. "iOS", "ReLOaD") marks a name or code.
	if (/[a-zčćđšž][A-ZČĆĐŠŽ]/.test(word)) return word
	const splitAt = SPLIT_PREFIXES.find((p) => lower.startsWith(p))
	const allUpper = word.length > 1 && word === word.toUpperCase()
	let out = ''
	for (let i = 0; i < word.length; i++) {
		const pair = lower.slice(i, i + 2)
		const digraph = DIGRAPHS[pair]
		// In a split prefix the digraph sits on the prefix's last two letters: write them apart.
		const insidePrefix = splitAt !== undefined && i + 2 <= splitAt.length && splitAt.slice(i, i + 2) === pair
		if (digraph && !insidePrefix) {
			out += isUpper(word[i]!) ? digraph.toUpperCase() : digraph
			i++
			continue
		}
		const ch = word[i]!
		const mapped = SINGLE[ch.toLowerCase()]
		if (!mapped) out += ch
		else out += isUpper(ch) || (allUpper && ch !== ch.toLowerCase()) ? mapped.toUpperCase() : mapped
	}
	return out
}

export function latinToCyrillic(text: string): string {
	return text
		.split(PROTECTED)
		.map((segment, index) => {
			// split() with one capture group puts the protected matches at odd indexes.
			if (index % 2 === 1) return segment
			return segment
				.split(WORD)
				.map((part, j) => (j % 2 === 1 ? transliterateWord(part) : part))
				.join('')
		})
		.join('')
}

const CYRILLIC_TO_LATIN: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	д: 'd',
	ђ: 'đ',
	е: 'e',
	ж: 'ž',
	з: 'z',
	и: 'i',
	ј: 'j',
	к: 'k',
	л: 'l',
	љ: 'lj',
	м: 'm',
	н: 'n',
	њ: 'nj',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	ћ: 'ć',
	у: 'u',
	ф: 'f',
	х: 'h',
	ц: 'c',
	ч: 'č',
	џ: 'dž',
	ш: 'š',
}

export function cyrillicToLatin(text: string): string {
	let out = ''
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!
		const lower = ch.toLowerCase()
		const mapped = CYRILLIC_TO_LATIN[lower]
		if (!mapped) {
			out += ch
			continue
		}
		if (ch === lower) out += mapped
		else {
			// Љ → "LJ" inside an all-caps word, "Lj" otherwise.
			const next = text[i + 1]
			const nextIsUpper = next !== undefined && next !== next.toLowerCase()
			out += nextIsUpper ? mapped.toUpperCase() : mapped[0]!.toUpperCase() + mapped.slice(1)
		}
	}
	return out
}

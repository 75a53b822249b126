// Fitting a line of text into a width on a printed page (the certificate of attendance): a long
// name or event title is wrapped at spaces onto a few lines before it is shrunk, so it stays
// readable and inside the frame. Pure: the caller measures with its font.

/** The width of `text` at font size `size`, in the page's units. */
export type MeasureText = (text: string, size: number) => number

export type FitOptions = { size: number; minSize: number; maxLines: number; floor?: number }

/** Greedy wrap at spaces; a word wider than the width stays on its own line (the caller shrinks it). */
export function wrapWords(text: string, measure: MeasureText, size: number, width: number): string[] {
	const lines: string[] = []
	let line = ''
	for (const word of text.trim().split(/\s+/)) {
		const candidate = line ? `${line} ${word}` : word
		if (line && measure(candidate, size) > width) {
			lines.push(line)
			line = word
		} else line = candidate
	}
	if (line) lines.push(line)
	return lines
}

/**
 * The largest size and the fewest lines that fit: one line from `size` down to `minSize`, then two,
 * and so on up to `maxLines`; past that, `maxLines` lines shrunk down to `floor` (8 by default), and
 * at the floor whatever the wrap gives (never cut off).
 */
export function fitText(text: string, measure: MeasureText, width: number, options: FitOptions): { size: number; lines: string[] } {
	const floor = options.floor ?? 8
	const fits = (lines: string[], size: number) => lines.every((l) => measure(l, size) <= width)
	for (let count = 1; count <= options.maxLines; count++) {
		for (let size = options.size; size >= options.minSize; size -= 1) {
			const lines = wrapWords(text, measure, size, width)
			if (lines.length <= count && fits(lines, size)) return { size, lines }
		}
	}
	for (let size = options.minSize - 1; size > floor; size -= 1) {
		const lines = wrapWords(text, measure, size, width)
		if (lines.length <= options.maxLines && fits(lines, size)) return { size, lines }
	}
	return { size: floor, lines: wrapWords(text, measure, floor, width) }
}

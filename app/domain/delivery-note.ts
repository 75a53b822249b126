// What the outbox row keeps about a delivery. An SMTP server's answer is kept as it came (it is
// the server's own words, for whoever reads its logs); a mail written to a file instead (no
// SMTP_URL) is kept as a marker with the file's name, which each admin page says in its language.

const FILE_MARKER = 'file:'

/** The note for a mail written to `file` (relative to the data folder). */
export function fileDeliveryNote(file: string): string {
	return `${FILE_MARKER}${file}`
}

/** The file a note names, or null for any other note. */
export function deliveredToFile(note: string | null): string | null {
	return note?.startsWith(FILE_MARKER) ? note.slice(FILE_MARKER.length) : null
}

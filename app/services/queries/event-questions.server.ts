// Reading an event's own questions (issue 18) and what has been answered: which questions have
// answers (those can no longer be removed), and the accessibility needs before the event.
import { eq, sql } from 'drizzle-orm'
import { events, registrations, type EventRow } from '#db/schema/index.ts'
import { ACCESS_ID, ACCESS_OTHER_ID, answerLines, parseStoredEventQuestions, type EventQuestion, type YesNoWords } from '#app/domain/event-questions.ts'
import type { DoorAnswer } from '#app/domain/checkin-contract.ts'
import type { Locale } from '#app/domain/locale.ts'
import type { Db } from '#app/utils/db.server.ts'
import { resources } from '#app/utils/i18n-catalogs.server.ts'

const catalog = (locale: 'sr-Latn' | 'sr-Cyrl' | 'en') => resources[locale].questions.access

/** The built-in question's texts, from the `questions` catalog in the three languages. */
function builtinText(pick: (texts: ReturnType<typeof catalog>) => string) {
	return { 'sr-Latn': pick(catalog('sr-Latn')), 'sr-Cyrl': pick(catalog('sr-Cyrl')), en: pick(catalog('en')) }
}

/** The event's questions as stored, the built-in ones with their texts from the catalogs. */
export function eventQuestions(event: Pick<EventRow, 'questions'>): EventQuestion[] {
	return parseStoredEventQuestions(event.questions).map((q) => {
		if (q.builtin !== 'accessibility') return q
		if (q.id === ACCESS_OTHER_ID) return { ...q, label: builtinText((c) => c.otherLabel) }
		return {
			...q,
			label: builtinText((c) => c.label),
			options: (q.options ?? []).map((o) => ({ value: o.value, label: builtinText((c) => c.needs[o.value as keyof typeof c.needs] ?? o.value) })),
		}
	})
}

/** The ids of the event's questions that at least one registration (cancelled ones too) has answered. */
export function answeredQuestionIds(db: Db, eventId: number): Set<string> {
	const rows = db.all<{ id: string }>(
		sql`SELECT DISTINCT j.key AS id FROM registrations r, json_each(r.answers) j WHERE r.event_id = ${eventId} AND r.answers IS NOT NULL`,
	)
	return new Set(rows.map((r) => r.id))
}

export type AccessibilityNeedRow = { id: number; name: string; partySize: number; needs: string[]; other: string | null }

/** Live registrations (not cancelled) that named an accessibility need, in registration order. */
export function accessibilityNeeds(db: Db, eventId: number): AccessibilityNeedRow[] {
	const rows = db.all<{ id: number; name: string; party_size: number; needs: string | null; other: string | null }>(
		sql`SELECT id, name, party_size, json_extract(answers, ${`$."${ACCESS_ID}"`}) AS needs, json_extract(answers, ${`$."${ACCESS_OTHER_ID}"`}) AS other
		    FROM registrations
		    WHERE event_id = ${eventId} AND status <> 'cancelled' AND answers IS NOT NULL
		      AND (json_extract(answers, ${`$."${ACCESS_ID}"`}) IS NOT NULL OR json_extract(answers, ${`$."${ACCESS_OTHER_ID}"`}) IS NOT NULL)
		    ORDER BY id`,
	)
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		partySize: r.party_size,
		needs: r.needs ? (JSON.parse(r.needs) as string[]) : [],
		other: r.other,
	}))
}

/** The door-visible answers of a registration's answers JSON, in the questions' order and the reader's language. */
export function doorAnswers(questions: readonly EventQuestion[], answersJson: string | null, locale: Locale, words: YesNoWords): DoorAnswer[] {
	if (answersJson === null || !questions.some((q) => q.door)) return []
	return answerLines(questions, answersJson, locale, words, 'door').map(({ label, text }) => ({ label, text }))
}

/** The door-visible answers of one registration (for a verdict), read by its id. */
export function doorAnswersOf(db: Db, registrationId: number, locale: Locale, words: YesNoWords): DoorAnswer[] {
	const row = db
		.select({ answers: registrations.answers, questions: events.questions })
		.from(registrations)
		.innerJoin(events, eq(events.id, registrations.eventId))
		.where(eq(registrations.id, registrationId))
		.get()
	return row ? doorAnswers(eventQuestions(row), row.answers, locale, words) : []
}

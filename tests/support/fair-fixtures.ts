// What the fair's integration tests set up again and again against the built server: a published
// fair made through the organizer API, its settings row, and an exhibitor application submitted
// through the public API.
import { expect } from 'vitest'
import { apiCall } from './api-client.ts'
import { dbRun } from './database.ts'
import { createEventViaApi, uniqueTitle, type CreatedEvent } from './events.ts'
import type { TestServer } from './server.ts'

/** A published fair, 10:00–18:00 on 5 December 2030 (Belgrade time) on the square in Kruševac, no capacity. */
export const PUBLISHED_FAIR = {
	kind: 'fair',
	startsAt: '2030-12-05T10:00:00+01:00',
	endsAt: '2030-12-05T18:00:00+01:00',
	venue: { name: 'Trg kosovskih junaka', address: 'Trg kosovskih junaka bb', city: 'Kruševac' },
	capacity: null,
	status: 'published',
}

/** PUBLISHED_FAIR with a unique title ("Mini-sajam N") and `fields` over it; the event and its id. */
export function createPublishedFair(server: TestServer, token: string, fields: Record<string, unknown> = {}): Promise<CreatedEvent> {
	return createEventViaApi(server, token, { ...PUBLISHED_FAIR, title: uniqueTitle('Mini-sajam'), ...fields })
}

/**
 * Writes these columns of the fair's settings row (fair_settings, column names as in SQL) straight
 * into the database file, making the row if the fair has none yet.
 */
export function setFairSettings(server: TestServer, slug: string, columns: Record<string, unknown>) {
	const names = Object.keys(columns)
	dbRun(
		server,
		`INSERT INTO fair_settings (event_id, ${names.join(', ')}) SELECT id, ${names.map(() => '?').join(', ')} FROM events WHERE slug = ?
		 ON CONFLICT (event_id) DO UPDATE SET ${names.map((name) => `${name} = excluded.${name}`).join(', ')}`,
		...Object.values(columns),
		slug,
	)
}

/** Removes the fair's settings row: every setting back to its default. */
export function clearFairSettings(server: TestServer, slug: string) {
	dbRun(server, 'DELETE FROM fair_settings WHERE event_id = (SELECT id FROM events WHERE slug = ?)', slug)
}

export type SubmittedApplication = {
	id: number
	/** The magic-link token (the last part of manageUrl). */
	token: string
	/** The contact email as the server stored it. */
	email: string
	/** The whole Application the API answered. */
	application: any
}

/** Submits an application to the fair through the public API; expects 201. */
export async function submitApplication(server: TestServer, slug: string, body: unknown, headers: Record<string, string> = {}): Promise<SubmittedApplication> {
	const result = await apiCall(server.url, 'POST', `/api/v1/fairs/${slug}/applications`, { body, headers })
	expect(result.status, result.text).toBe(201)
	const application = result.body.application
	return { id: application.id, token: (application.manageUrl as string).split('/').at(-1)!, email: application.contact.email, application }
}

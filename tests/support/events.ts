// Events for tests against the built server, made as an organizer's program makes them: through
// the organizer API (POST /api/v1/events). Each helper expects 201 and answers the event as the
// API did, with its database id added for the admin pages, which speak of ids. (Events made
// in-process through the service, on a worker's own database: service-events.ts.)
import { expect } from 'vitest'
import { apiCall } from './api-client.ts'
import { dbGet } from './database.ts'
import type { TestServer } from './server.ts'

let titles = 0

/** `prefix` and a number no other event of this test file has, so two events never want one slug. */
export function uniqueTitle(prefix: string): string {
	titles++
	return `${prefix} ${titles}`
}

/** A published workshop, 10:00–13:00 on 5 December 2030 (Belgrade time) at the Centar in Jugovićeva 17, 30 places. */
export const PUBLISHED_WORKSHOP = {
	kind: 'workshop',
	startsAt: '2030-12-05T10:00:00+01:00',
	endsAt: '2030-12-05T13:00:00+01:00',
	venue: { name: 'Centar za socijalno preduzetništvo', address: 'Jugovićeva 17', city: 'Kruševac' },
	capacity: 30,
	status: 'published',
}

/** The event as the API answered it, and its events.id (which the API does not show). */
export type CreatedEvent = { id: number; slug: string; title: string; [field: string]: any }

/** Creates an event through the organizer API with exactly this body; expects 201. */
export async function createEventViaApi(server: TestServer, token: string, body: Record<string, unknown>): Promise<CreatedEvent> {
	const result = await apiCall(server.url, 'POST', '/api/v1/events', { token, body })
	expect(result.status, result.text).toBe(201)
	const event = result.body.event
	return { ...event, id: eventIdOf(server, event.slug) }
}

/** PUBLISHED_WORKSHOP with a unique title ("Radionica N") and `fields` over it. */
export function createPublishedWorkshop(server: TestServer, token: string, fields: Record<string, unknown> = {}): Promise<CreatedEvent> {
	return createEventViaApi(server, token, { ...PUBLISHED_WORKSHOP, title: uniqueTitle('Radionica'), ...fields })
}

/** The events.id of the event with this slug (the API speaks only of slugs). */
export function eventIdOf(server: TestServer, slug: string): number {
	return dbGet<{ id: number }>(server, 'SELECT id FROM events WHERE slug = ?', slug).id
}

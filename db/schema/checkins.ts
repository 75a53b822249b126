import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { SCAN_RESULTS } from '../../app/domain/checkin-rules.ts'
import { events } from './events.ts'
import { registrations } from './registrations.ts'

export { SCAN_RESULTS, type ScanResult } from '../../app/domain/checkin-rules.ts'

/** How the scan was made: a QR code read by a camera, or a volunteer's pick from the name search. */
export const CHECKIN_METHODS = ['scan', 'manual'] as const
export type CheckinMethod = (typeof CHECKIN_METHODS)[number]

/** The longest scanned text kept; anything longer is cut (a QR can hold kilobytes of junk). */
export const MAX_STORED_CODE_LENGTH = 300

/**
 * Every scan at the door, valid or not, as it was decided when the server recorded it. A
 * registration's check-in itself is kept on the registration (checkedInAt/checkedInBy); this is
 * the log behind it: for the organizer (duplicates, invalid attempts, undo) and for the donor
 * report. See docs/decisions/0005-check-in.md.
 */
export const checkins = sqliteTable(
	'checkins',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** Where the scan happened (the scanner's event), else the ticket's; null if neither is known. */
		eventId: integer('event_id').references(() => events.id, { onDelete: 'cascade' }),
		/** The registration the code (or the manual pick) named, when there is one. */
		registrationId: integer('registration_id').references(() => registrations.id, { onDelete: 'cascade' }),
		/** The text as scanned, cut to MAX_STORED_CODE_LENGTH; empty for a manual check-in. */
		code: text('code').notNull(),
		method: text('method', { enum: CHECKIN_METHODS }).notNull().default('scan'),
		result: text('result', { enum: SCAN_RESULTS }).notNull(),
		/** The scanning phone's own id (random, chosen by the scanner page); null if it sent none. */
		deviceId: text('device_id'),
		/** The device's id for this scan: a repeat of (deviceId, nonce) is the same scan sent again. */
		nonce: text('nonce'),
		/** When the scan happened, by the device's clock (the server's when not given or in the future). */
		scannedAt: integer('scanned_at', { mode: 'timestamp_ms' }).notNull(),
		/** When the server recorded it. */
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull(),
		/** Made offline and synced later through the batch endpoint. */
		offline: integer('offline', { mode: 'boolean' }).notNull().default(false),
		/** A welcome shown for a ticket an earlier scan had already admitted (see isDuplicateScan). */
		duplicate: integer('duplicate', { mode: 'boolean' }).notNull().default(false),
		/** The check-in this scan made was undone by an organizer. */
		undoneAt: integer('undone_at', { mode: 'timestamp_ms' }),
		undoneBy: text('undone_by'),
		/** Who sent it: "token:7" (a scanner link), "user:3" (a logged-in organizer). */
		actor: text('actor').notNull(),
	},
	(t) => [
		uniqueIndex('checkins_device_nonce')
			.on(t.deviceId, t.nonce)
			.where(sql`${t.nonce} IS NOT NULL`),
		index('checkins_event_scanned').on(t.eventId, t.scannedAt),
		index('checkins_registration').on(t.registrationId, t.scannedAt),
	],
)

export type CheckinRow = typeof checkins.$inferSelect
export type NewCheckinRow = typeof checkins.$inferInsert

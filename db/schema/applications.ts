import { sql } from 'drizzle-orm'
import { check, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { DEFAULT_CATEGORIES } from '#app/domain/application-options.ts'
import { events } from './events.ts'

export const APPLICATION_STATUSES = ['submitted', 'accepted', 'waitlisted', 'rejected', 'withdrawn'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

/** What an organizer may decide; staged in `decision` until the fair's decisions are released. */
export const APPLICATION_DECISIONS = ['accepted', 'waitlisted', 'rejected'] as const
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number]

export type LawStatusJson = { apr: string; aprDate?: string; ways: string[]; selfIdentified: boolean }
export type StaffJson = { employees: number; women: number; vulnerable: Partial<Record<string, number>>; volunteers: number }

/**
 * The fair-only settings of an event of kind `fair`. Without a row the application window is open
 * until the fair starts and the categories are DEFAULT_CATEGORIES.
 */
export const fairSettings = sqliteTable(
	'fair_settings',
	{
		eventId: integer('event_id')
			.primaryKey()
			.references(() => events.id, { onDelete: 'cascade' }),
		/** Null: open from the moment the fair is published. */
		applicationsOpenAt: integer('applications_open_at', { mode: 'timestamp_ms' }),
		/** Null: open until the fair starts. */
		applicationsCloseAt: integer('applications_close_at', { mode: 'timestamp_ms' }),
		/** Category codes, in the order the form shows them. */
		categories: text('categories', { mode: 'json' })
			.$type<string[]>()
			.notNull()
			.default([...DEFAULT_CATEGORIES]),
		standCount: integer('stand_count'),
		setupMinutesBefore: integer('setup_minutes_before').notNull().default(60),
		/** How long an accepted exhibitor has to confirm participation after the decision is released. */
		confirmationDays: integer('confirmation_days').notNull().default(7),
	},
	(t) => [
		check('fair_settings_window_order', sql`${t.applicationsOpenAt} IS NULL OR ${t.applicationsCloseAt} IS NULL OR ${t.applicationsCloseAt} >= ${t.applicationsOpenAt}`),
		check('fair_settings_stand_count', sql`${t.standCount} IS NULL OR ${t.standCount} >= 0`),
		check('fair_settings_setup_minutes', sql`${t.setupMinutesBefore} >= 0`),
		check('fair_settings_confirmation_days', sql`${t.confirmationDays} >= 1`),
	],
)

/**
 * An organization's application for a stand at a fair. The organizer's decision is staged in
 * `decision` and becomes `status` only when the fair's decisions are released (decisionReleasedAt),
 * so nobody learns of a misclick. People are counts only (staff JSON), never names of employees.
 */
export const applications = sqliteTable(
	'applications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: integer('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'restrict' }),
		status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('submitted'),
		decision: text('decision', { enum: APPLICATION_DECISIONS }),
		decisionReleasedAt: integer('decision_released_at', { mode: 'timestamp_ms' }),
		orgName: text('org_name').notNull(),
		legalForm: text('legal_form').notNull(),
		municipality: text('municipality').notNull(),
		companyNumber: text('company_number'),
		pib: text('pib'),
		foundedYear: integer('founded_year'),
		website: text('website'),
		social: text('social', { mode: 'json' }).$type<string[]>().notNull().default([]),
		contactName: text('contact_name').notNull(),
		/** Lower-cased. */
		contactEmail: text('contact_email').notNull(),
		contactPhone: text('contact_phone'),
		products: text('products').notNull(),
		category: text('category').notNull(),
		description: text('description'),
		descriptionEn: text('description_en'),
		needsPower: integer('needs_power', { mode: 'boolean' }).notNull().default(false),
		needsAccessible: integer('needs_accessible', { mode: 'boolean' }).notNull().default(false),
		needsSizeM2: real('needs_size_m2'),
		needsTable: integer('needs_table', { mode: 'boolean' }).notNull().default(false),
		needsChairs: integer('needs_chairs').notNull().default(0),
		/** Ranked stand labels (up to 3). */
		preferences: text('preferences', { mode: 'json' }).$type<string[]>().notNull().default([]),
		lawStatus: text('law_status', { mode: 'json' }).$type<LawStatusJson>(),
		staff: text('staff', { mode: 'json' }).$type<StaffJson>(),
		selling: integer('selling', { mode: 'boolean' }),
		consentCatalogue: integer('consent_catalogue', { mode: 'boolean' }).notNull().default(false),
		consentResearch: integer('consent_research', { mode: 'boolean' }).notNull().default(false),
		privacyAcceptedAt: integer('privacy_accepted_at', { mode: 'timestamp_ms' }).notNull(),
		/** The secret of the magic link /applications/{token}: 256 random bits. */
		manageToken: text('manage_token').notNull().unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
	},
	(t) => [
		index('applications_event_status').on(t.eventId, t.status, t.id),
		index('applications_event_email').on(t.eventId, t.contactEmail),
		check('applications_chairs_nonnegative', sql`${t.needsChairs} >= 0`),
	],
)

export type FairSettingsRow = typeof fairSettings.$inferSelect
export type ApplicationRow = typeof applications.$inferSelect
export type NewApplicationRow = typeof applications.$inferInsert

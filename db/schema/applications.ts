import { sql } from 'drizzle-orm'
import { blob, check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { DEFAULT_CATEGORIES } from '../../app/domain/application-options.ts'
import type { FairCategory } from '../../app/domain/fair-settings-input.ts'
import { LOCALES } from '../../app/domain/locale.ts'
import { APPLICATION_DECISIONS, APPLICATION_STATUSES, WITHDRAWAL_REASONS } from '../../app/domain/vocabulary.ts'
import { events } from './events.ts'
import { users } from './users.ts'

export {
	APPLICATION_DECISIONS,
	APPLICATION_STATUSES,
	WITHDRAWAL_REASONS,
	type ApplicationDecision,
	type ApplicationStatus,
	type WithdrawalReason,
} from '../../app/domain/vocabulary.ts'

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
		/** The categories in the order the form shows them: standard codes, or {code, label, labelEn?} (fair-settings-input.ts). */
		categories: text('categories', { mode: 'json' })
			.$type<FairCategory[]>()
			.notNull()
			.default([...DEFAULT_CATEGORIES]),
		standCount: integer('stand_count'),
		setupMinutesBefore: integer('setup_minutes_before').notNull().default(60),
		/** How long an accepted exhibitor has to confirm participation after the decision is released. */
		confirmationDays: integer('confirmation_days').notNull().default(7),
	},
	(t) => [
		check(
			'fair_settings_window_order',
			sql`${t.applicationsOpenAt} IS NULL OR ${t.applicationsCloseAt} IS NULL OR ${t.applicationsCloseAt} >= ${t.applicationsOpenAt}`,
		),
		check('fair_settings_stand_count', sql`${t.standCount} IS NULL OR ${t.standCount} >= 0`),
		check('fair_settings_setup_minutes', sql`${t.setupMinutesBefore} >= 0`),
		check('fair_settings_confirmation_days', sql`${t.confirmationDays} >= 1`),
	],
)

/**
 * An organization's application for a stand at a fair. An organizer's decision sets `status` at once;
 * the exhibitor sees `releasedStatus` (null: "under review"), which catches up with `status` only
 * when the fair's decisions are released together, so nobody is emailed by a misclick.
 * People are counts only (staff JSON), never names of employees.
 */
export const applications = sqliteTable(
	'applications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: integer('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'restrict' }),
		status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('submitted'),
		/** The decision the exhibitor has been told (null: still "under review" for them). */
		releasedStatus: text('released_status', { enum: APPLICATION_DECISIONS }),
		/** When `releasedStatus` was last set. */
		decisionReleasedAt: integer('decision_released_at', { mode: 'timestamp_ms' }),
		/** A message to the exhibitor with the decision; goes into the decision email. */
		decisionNote: text('decision_note'),
		/** Accepted exhibitors confirm participation before this moment (set when the acceptance is released or offered). */
		confirmBy: integer('confirm_by', { mode: 'timestamp_ms' }),
		confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
		/** The confirmation reminder went out (once per acceptance). */
		reminderSentAt: integer('reminder_sent_at', { mode: 'timestamp_ms' }),
		/** The language the exhibitor applied in: their mails are written in it. */
		locale: text('locale', { enum: LOCALES }).notNull().default('sr-Latn'),
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
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
		withdrawnReason: text('withdrawn_reason', { enum: WITHDRAWAL_REASONS }),
		/** When the reminder before the exhibitor's setup slot was queued (once). */
		setupReminderQueuedAt: integer('setup_reminder_queued_at', { mode: 'timestamp_ms' }),
		/** When the exhibitor stopped the mails they do not need (reminders, messages to all) for this fair. */
		optionalMailStoppedAt: integer('optional_mail_stopped_at', { mode: 'timestamp_ms' }),
	},
	(t) => [
		index('applications_event_status').on(t.eventId, t.status, t.id),
		index('applications_event_email').on(t.eventId, t.contactEmail),
		check('applications_chairs_nonnegative', sql`${t.needsChairs} >= 0`),
	],
)

/**
 * An application's logo or product photo (checked by content: PNG, JPEG or WebP, at most 2 MiB).
 * Kept in the database so backups hold everything. `applicationId` is null for an upload whose form
 * failed validation: the form carries `token` so the exhibitor need not choose the file again;
 * such drafts are purged after a day.
 */
export const applicationImages = sqliteTable(
	'application_images',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		token: text('token').notNull().unique(),
		applicationId: integer('application_id').references(() => applications.id, { onDelete: 'cascade' }),
		mime: text('mime').notNull(),
		bytes: blob('bytes', { mode: 'buffer' }).notNull(),
		sha256: text('sha256').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [uniqueIndex('application_images_application').on(t.applicationId), index('application_images_created').on(t.createdAt)],
)

/** One reviewer's scores (1–5 each, the criteria of app/domain/review-stats.ts) and notes on one application (a reviewer revises their own row). */
export const applicationReviews = sqliteTable(
	'application_reviews',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		applicationId: integer('application_id')
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		reviewerId: integer('reviewer_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Fit with social entrepreneurship. */
		fit: integer('fit').notNull(),
		/** Product quality. */
		quality: integer('quality').notNull(),
		novelty: integer('novelty').notNull(),
		note: text('note'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [
		uniqueIndex('application_reviews_one_per_reviewer').on(t.applicationId, t.reviewerId),
		check('application_reviews_fit', sql`${t.fit} BETWEEN 1 AND 5`),
		check('application_reviews_quality', sql`${t.quality} BETWEEN 1 AND 5`),
		check('application_reviews_novelty', sql`${t.novelty} BETWEEN 1 AND 5`),
	],
)

export type ApplicationImageRow = typeof applicationImages.$inferSelect
export type ApplicationReviewRow = typeof applicationReviews.$inferSelect
export type FairSettingsRow = typeof fairSettings.$inferSelect
export type ApplicationRow = typeof applications.$inferSelect
export type NewApplicationRow = typeof applications.$inferInsert

import { sql } from 'drizzle-orm'
import { blob, check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { applications } from './applications.ts'
import { events } from './events.ts'
import { LANDMARK_KINDS } from '../../app/domain/vocabulary.ts'

/**
 * A fair's floor plan: its extent in plan units (metres), an optional background image of the
 * venue, and whether it is published (exhibitors then pick stand preferences on it; the public map
 * shows it).
 */
export const floorPlans = sqliteTable(
	'floor_plans',
	{
		eventId: integer('event_id')
			.primaryKey()
			.references(() => events.id, { onDelete: 'cascade' }),
		width: real('width').notNull().default(40),
		height: real('height').notNull().default(25),
		backgroundMime: text('background_mime'),
		backgroundBytes: blob('background_bytes', { mode: 'buffer' }),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
		/**
		 * Unsaved-to-the-public changes of a published plan (JSON: extent and stands as the editor
		 * saves them); null when the live plan is all there is. Publishing the draft applies it.
		 */
		draftJson: text('draft_json'),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [check('floor_plans_extent', sql`${t.width} > 0 AND ${t.height} > 0`)],
)

/**
 * Something on a fair's floor plan that is not a stand: an entrance, the stage, the info desk, a
 * named zone. A rectangle in plan units like a stand; drawn on the public map (and in the editor)
 * so visitors find their way. `label` names it ("Glavni ulaz", "Hol"); null: the kind's own name.
 */
export const planLandmarks = sqliteTable(
	'plan_landmarks',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: integer('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: LANDMARK_KINDS }).notNull(),
		label: text('label'),
		x: real('x').notNull(),
		y: real('y').notNull(),
		width: real('width').notNull(),
		height: real('height').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('plan_landmarks_event').on(t.eventId), check('plan_landmarks_geometry', sql`${t.width} > 0 AND ${t.height} > 0`)],
)

/**
 * A stand on the plan: a rectangle in plan units (metres, origin top left) with what it offers.
 * Labels are unique per fair and are what exhibitors, the API and the public map use.
 */
export const stands = sqliteTable(
	'stands',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: integer('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		label: text('label').notNull(),
		x: real('x').notNull(),
		y: real('y').notNull(),
		width: real('width').notNull(),
		height: real('height').notNull(),
		sizeM2: real('size_m2').notNull(),
		power: integer('power', { mode: 'boolean' }).notNull().default(false),
		accessible: integer('accessible', { mode: 'boolean' }).notNull().default(false),
		/** indoor / outdoor or a named area ("Trg", "Hol"), free text; null: none. */
		zone: text('zone'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [uniqueIndex('stands_event_label').on(t.eventId, t.label), check('stands_geometry', sql`${t.width} > 0 AND ${t.height} > 0 AND ${t.sizeM2} > 0`)],
)

/**
 * Which accepted application has which stand. One stand per application (primary key) and one
 * application per stand (unique); `locked` pins it so a re-run of the allocation keeps it.
 * `notifiedAt` is set when the exhibitor was emailed this stand.
 */
export const standAssignments = sqliteTable(
	'stand_assignments',
	{
		applicationId: integer('application_id')
			.primaryKey()
			.references(() => applications.id, { onDelete: 'cascade' }),
		eventId: integer('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		standId: integer('stand_id')
			.notNull()
			.references(() => stands.id, { onDelete: 'cascade' }),
		locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
		assignedAt: integer('assigned_at', { mode: 'timestamp_ms' }).notNull(),
		notifiedAt: integer('notified_at', { mode: 'timestamp_ms' }),
	},
	(t) => [uniqueIndex('stand_assignments_stand').on(t.standId), index('stand_assignments_event').on(t.eventId)],
)

export type FloorPlanRow = typeof floorPlans.$inferSelect
export type StandRow = typeof stands.$inferSelect
export type StandAssignmentRow = typeof standAssignments.$inferSelect

// The words the data is kept in: roles, kinds of event, the statuses of events, registrations and
// applications. Rules, forms and pages speak them; db/schema stores them (its columns' enums are
// these lists, imported from here), so a new status is added in one place. The check-in verdicts
// are in checkin-rules.ts.

/** Staff roles, weakest last: an admin may do what an organizer may, an organizer what a scanner may (roles.ts). */
export const ROLES = ['admin', 'organizer', 'scanner'] as const
export type Role = (typeof ROLES)[number]

export const EVENT_KINDS = ['fair', 'promo', 'workshop', 'roundtable', 'other'] as const
export type EventKind = (typeof EVENT_KINDS)[number]

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]

export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

/** Through which door a registration came. */
export const REGISTRATION_SOURCES = ['web', 'api', 'organizer'] as const
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number]

/** Who cancelled a registration: the visitor, an organizer, or the event's cancellation. */
export const CANCELLED_BY = ['visitor', 'organizer', 'event'] as const
export type CancelledBy = (typeof CANCELLED_BY)[number]

export const APPLICATION_STATUSES = ['submitted', 'accepted', 'waitlisted', 'rejected', 'withdrawn'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

/**
 * What an organizer may decide. The decision is the application's `status` at once (organizers see
 * it); the exhibitor learns it only when the fair's decisions are released (`releasedStatus`).
 */
export const APPLICATION_DECISIONS = ['accepted', 'waitlisted', 'rejected'] as const
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number]

/** Why an application was withdrawn: by the exhibitor, or because acceptance was not confirmed in time. */
export const WITHDRAWAL_REASONS = ['exhibitor', 'confirmation_missed'] as const
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number]

/** What a landmark on a fair's floor plan is: drawn on the public map so visitors find their way. */
export const LANDMARK_KINDS = ['entrance', 'exit', 'stage', 'info', 'toilets', 'first_aid', 'food_court', 'zone', 'other'] as const
export type LandmarkKind = (typeof LANDMARK_KINDS)[number]

/**
 * A survey's status as the organizer sets it: `draft` (not public), `open` (answerable, within its
 * dates if it has any), `closed`. What a reader sees at a given moment is surveyState (survey-rules.ts).
 */
export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const
export type SurveyStatus = (typeof SURVEY_STATUSES)[number]

/** The kinds of survey question: a 1–5 agreement scale, one choice, several choices, a whole number, free text. */
export const QUESTION_KINDS = ['likert5', 'single', 'multi', 'number', 'text'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

/**
 * The kinds of question on an event's registration form (issue 18): the survey's kinds but the
 * scale (`text` is the same long free text), and a one-line text and a yes/no.
 */
export const EVENT_QUESTION_KINDS = ['shortText', 'text', 'single', 'multi', 'yesNo', 'number'] as const satisfies readonly (
	Exclude<QuestionKind, 'likert5'> | 'shortText' | 'yesNo'
)[]
export type EventQuestionKind = (typeof EVENT_QUESTION_KINDS)[number]

/** Whom an organizer's message goes to: the visitors of an event, or the exhibitors of a fair. */
export const MESSAGE_TARGETS = ['visitors', 'exhibitors'] as const
export type MessageTarget = (typeof MESSAGE_TARGETS)[number]
/** Visitors by registration status (`all`: all but cancelled), or by whether they came. */
export const VISITOR_AUDIENCES = ['confirmed', 'waitlisted', 'checked_in', 'not_checked_in', 'all'] as const
/** Exhibitors by released decision (`all`: every application not withdrawn). */
export const EXHIBITOR_AUDIENCES = ['accepted', 'confirmed', 'waitlisted', 'rejected', 'all'] as const

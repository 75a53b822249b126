// Reading the exhibitor application form (a multipart POST with an optional logo) and answering it,
// shared by the apply page and the edit page. Every refusal of the upload is a field error on
// `logo`: an oversize or fake image never makes a 500, and a good image sent with a form that fails
// elsewhere is kept as a draft so the exhibitor does not choose the file again.
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type AppLoadContext } from '@remix-run/node'
import type { TFunction } from 'i18next'
import type { ApplicationRow } from '#db/schema/index.ts'
import { matchStandLabel } from '#app/domain/application-input.ts'
import { standFields } from '#app/domain/stand-input.ts'
import {
	applicationFormSchema,
	HONEYPOT_FIELD,
	LOGO_FIELD,
	LOGO_TOKEN_FIELD,
	mayKeepDraft,
	padFormLists,
	type PreferencePlan,
} from '#app/domain/application-form.ts'
import type { ApplicationApiInput } from '#app/domain/application-input.ts'
import type { LegalForm, Municipality } from '#app/domain/application-options.ts'
import { formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { MAX_IMAGE_BYTES } from '#app/domain/image-check.ts'
import type { Db } from '#app/utils/db.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { storeDraftImage } from '#app/services/commands/application-images.server.ts'
import { type DraftImage } from '#app/services/queries/application-images.server.ts'
import { findDraftImage } from '#app/services/queries/application-images.server.ts'
import { readPageForm } from '#app/http/page-form.server.ts'
import { clientIp, takeRateLimit, tooManyRequests } from '#app/http/rate-limit.server.ts'
import type { FairContext } from '#app/services/queries/applications.server.ts'
import { ServiceError } from '#app/services/errors.server.ts'
import { getFloorPlan } from '#app/services/queries/floor-plan.server.ts'

type Upload = { kind: 'none' } | { kind: 'file'; bytes: Uint8Array } | { kind: 'too_large' }

/**
 * The form's fields and its upload, through the one page-form reader (415, 400 and 413 are thrown
 * as pages there). A logo over MAX_IMAGE_BYTES is not a refusal of the request but a field error
 * (`too_large`), so the exhibitor keeps what they typed; any other file part becomes ''.
 */
export async function readApplicationFormData(request: Request): Promise<{ formData: FormData; upload: Upload }> {
	const posted = await readPageForm(request, { uploads: true })
	const formData = new FormData()
	let upload: Upload = { kind: 'none' }
	for (const [name, value] of posted) {
		if (typeof value === 'string') {
			formData.append(name, value)
			continue
		}
		// A file input left empty still sends a part with no file name and no bytes.
		if (name !== LOGO_FIELD) formData.append(name, '')
		else if (value.size > MAX_IMAGE_BYTES) upload = { kind: 'too_large' }
		else if (value.size > 0 || value.name) upload = { kind: 'file', bytes: new Uint8Array(await value.arrayBuffer()) }
	}
	return { formData, upload }
}

export type LogoView = { kind: 'draft'; token: string; type: string; size: string }

function logoView(draft: DraftImage, locale: Locale): LogoView {
	const kib = Math.max(1, Math.round(draft.size / 1024))
	return { kind: 'draft', token: draft.token, type: draft.mime.replace('image/', '').toUpperCase(), size: `${formatNumber(kib, locale)} KB` }
}

export type ParsedApplicationForm =
	| { ok: true; body: ApplicationApiInput; logoToken: string | null; honeypot: boolean }
	| { ok: false; reply: SubmissionResult<string[]>; logo: LogoView | null; honeypot: boolean }

/**
 * Checks the fields with the application schema and takes care of the upload: a new image is
 * checked and stored as a draft (even if another field failed), a kept draft's token is looked up.
 * `store: false` (rate-limited) stores nothing. `standLabels`: the published plan's (preferencePlan).
 */
export function parseApplicationForm(
	db: Db,
	input: { formData: FormData; upload: Upload },
	ctx: { categories: readonly string[]; now: Date; t: TFunction; locale: Locale; store?: boolean; standLabels?: readonly string[]; client?: string },
): ParsedApplicationForm {
	const { formData, upload } = input
	const honeypotValue = formData.get(HONEYPOT_FIELD)
	const honeypot = typeof honeypotValue === 'string' && honeypotValue.trim() !== ''
	const submission = parseWithZod(formData, {
		schema: applicationFormSchema(ctx.categories, ctx.now, ctx.standLabels),
		disableAutoCoercion: true,
		error: makeZodErrorMap(ctx.t),
	})
	let draft: DraftImage | undefined
	let logoError: string | null = null
	if (upload.kind === 'too_large') logoError = ctx.t('apply:errors.image_too_large')
	else if (upload.kind === 'file' && ctx.store !== false && !honeypot) {
		try {
			// A valid submission attaches the image at once; a failed one keeps it only for a real applicant.
			const failed = submission.status !== 'success'
			if (failed && !mayKeepDraft(submission.error ?? undefined)) throw new ServiceError('image_not_kept', 422, 'logo')
			draft = storeDraftImage(db, upload.bytes, ctx.now, failed ? { client: ctx.client ?? 'unknown' } : undefined)
		} catch (error) {
			if (!(error instanceof ServiceError)) throw error
			logoError = ctx.t(`apply:errors.${error.code}`)
		}
	}
	if (!draft && !logoError) {
		const token = formData.get(LOGO_TOKEN_FIELD)
		if (typeof token === 'string' && token) draft = findDraftImage(db, token)
	}
	if (submission.status === 'success' && !logoError) return { ok: true, body: submission.value, logoToken: draft?.token ?? null, honeypot }
	const reply = padFormLists(submission.reply(logoError ? { fieldErrors: { [LOGO_FIELD]: [logoError] } } : undefined))
	return { ok: false, reply, logo: draft ? logoView(draft, ctx.locale) : null, honeypot }
}

export type ApplicationFormRequest =
	| { kind: 'rate_limited'; formData: FormData; retryAfterSeconds: number }
	| { kind: 'honeypot' }
	| { kind: 'parsed'; formData: FormData; parsed: ParsedApplicationForm }

/**
 * The first steps of the apply and the edit form alike: read the body (a refusal is a 400, 413 or
 * 415 page), take the rate limit (after reading, so typed values come back; a limited request
 * stores no logo), and check the fields against the fair's categories and its published plan.
 */
export async function readApplicationForm(
	db: Db,
	request: Request,
	context: AppLoadContext | undefined,
	ctx: { fair: FairContext; now: Date; t: TFunction; locale: Locale },
): Promise<ApplicationFormRequest> {
	const input = await readApplicationFormData(request)
	const limit = takeRateLimit(context)
	const standLabels = publishedStandLabels(db, ctx.fair.event.id)
	const parsed = parseApplicationForm(db, input, {
		categories: ctx.fair.categories,
		now: ctx.now,
		t: ctx.t,
		locale: ctx.locale,
		store: limit.ok,
		standLabels,
		client: clientIp(context),
	})
	if (!limit.ok) return { kind: 'rate_limited', formData: input.formData, retryAfterSeconds: limit.retryAfterSeconds }
	// A bot that filled the hidden field is told nothing and gets nothing stored.
	if (parsed.honeypot) return { kind: 'honeypot' }
	return { kind: 'parsed', formData: input.formData, parsed }
}

/** The form's answer to a refusal (closed window, rate limit, a service error), with its status. */
export function refusalReply(formData: FormData, error: ServiceError, t: TFunction, init: { status?: number; headers?: HeadersInit } = {}) {
	return data({ result: serviceErrorReply(formData, error, t), logo: null }, { status: init.status ?? error.status, headers: init.headers })
}

/** The form again after the per-client limit refused it: 429 with Retry-After, the typed values kept. */
export function rateLimitedReply(form: { formData: FormData; retryAfterSeconds: number }, t: TFunction) {
	return refusalReply(form.formData, new ServiceError('rate_limited', 409), t, tooManyRequests(form.retryAfterSeconds))
}

/** A refusal from a service as the form's answer: next to its field, or at the top. */
export function serviceErrorReply(formData: FormData, error: ServiceError, t: TFunction) {
	const submission = parseWithZod(formData, { schema: applicationFormSchema([], new Date(0)), disableAutoCoercion: true })
	const message = t(`apply:errors.${error.code}`, { defaultValue: t(`api:errors.${error.code}`, { defaultValue: t('api:errors.generic') }) })
	return padFormLists(submission.reply(error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] }))
}

/** A stored application as the API body it was made from, to fill the edit form. */
export function applicationRowToApiBody(row: ApplicationRow): ApplicationApiInput {
	return {
		organization: {
			name: row.orgName,
			legalForm: row.legalForm as LegalForm,
			municipality: row.municipality as Municipality,
			companyNumber: row.companyNumber ?? undefined,
			pib: row.pib ?? undefined,
			foundedYear: row.foundedYear ?? undefined,
			website: row.website ?? undefined,
			social: row.social,
		},
		contact: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone ?? undefined },
		products: row.products,
		category: row.category,
		needs: { power: row.needsPower, accessible: row.needsAccessible, sizeM2: row.needsSizeM2 ?? undefined, table: row.needsTable, chairs: row.needsChairs },
		preferences: row.preferences,
		consent: { privacy: true, catalogue: row.consentCatalogue, research: row.consentResearch },
		lawStatus: row.lawStatus ?? undefined,
		staff: row.staff ?? undefined,
		description: row.description ?? undefined,
		descriptionEn: row.descriptionEn ?? undefined,
		selling: row.selling ?? undefined,
	} as ApplicationApiInput
}

/**
 * The published plan exhibitors choose their preferences on (its labels are what the form and the
 * API accept, applicationApiSchema's `standLabels`), or null: then a preference is a zone, free text.
 */
export function preferencePlan(db: Db, eventId: number): PreferencePlan | null {
	const { plan, stands } = getFloorPlan(db, eventId)
	if (!plan.publishedAt || stands.length === 0) return null
	return {
		width: plan.width,
		height: plan.height,
		stands: stands.map(standFields),
	}
}

/** Stored preferences shown on a published plan: labels in the plan's spelling, others (a zone) left out. */
export function preferencesOnPlan(preferences: readonly string[], plan: PreferencePlan | null): string[] {
	if (!plan) return [...preferences]
	const labels = plan.stands.map((s) => s.label)
	return preferences.flatMap((p) => matchStandLabel(p, labels) ?? [])
}

/** The labels a preference may name (applicationApiSchema's `standLabels`): the published plan's, or undefined. */
export function publishedStandLabels(db: Db, eventId: number): string[] | undefined {
	return preferencePlan(db, eventId)?.stands.map((s) => s.label)
}

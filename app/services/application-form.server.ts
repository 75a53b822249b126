// Reading the exhibitor application form (a multipart POST with an optional logo) and answering it,
// shared by the apply page and the edit page. Every refusal of the upload is a field error on
// `logo`: an oversize or fake image never makes a 500, and a good image sent with a form that fails
// elsewhere is kept as a draft so the exhibitor does not choose the file again.
import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import {
	MaxPartSizeExceededError,
	unstable_composeUploadHandlers,
	unstable_createMemoryUploadHandler,
	unstable_parseMultipartFormData,
	type UploadHandler,
} from '@remix-run/node'
import { data, type AppLoadContext } from '@remix-run/node'
import type { TFunction } from 'i18next'
import type { ApplicationRow } from '#db/schema/index.ts'
import { matchStandLabel } from '#app/domain/application-input.ts'
import { applicationFormSchema, HONEYPOT_FIELD, LOGO_FIELD, LOGO_TOKEN_FIELD, mayKeepDraft, padFormLists, type PreferencePlan } from '#app/domain/application-form.ts'
import type { ApplicationApiInput } from '#app/domain/application-input.ts'
import type { LegalForm, Municipality } from '#app/domain/application-options.ts'
import { formatNumber } from '#app/domain/format.ts'
import type { Locale } from '#app/domain/locale.ts'
import { MAX_IMAGE_BYTES } from '#app/domain/image-check.ts'
import type { Db } from '#app/utils/db.server.ts'
import { makeZodErrorMap } from '#app/utils/validation.ts'
import { findDraftImage, storeDraftImage, type DraftImage } from './application-images.server.ts'
import { clientIp, takeRateLimit } from '#app/utils/rate-limit.server.ts'
import type { FairContext } from './applications.server.ts'
import { ServiceError } from './errors.server.ts'
import { getFloorPlan } from './floor-plan.server.ts'

/** Text fields are small; the whole request may carry one image a little over the limit. */
const MAX_TEXT_PART_BYTES = 16 * 1024
/** Past this the request is refused outright (413): an upload this big is not a mistaken photo. */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024

export class RequestTooLarge extends Error {}

type Upload = { kind: 'none' } | { kind: 'file'; bytes: Uint8Array } | { kind: 'too_large' }

/**
 * The form's fields and its upload. Reads at most MAX_IMAGE_BYTES + 1 of the logo into memory
 * (the rest is drained and counted), text parts at most 16 KiB each. `RequestTooLarge` when the
 * request is bigger than MAX_REQUEST_BYTES or a text part is oversized.
 */
export async function readApplicationFormData(request: Request): Promise<{ formData: FormData; upload: Upload }> {
	const declared = Number(request.headers.get('Content-Length') ?? '0')
	if (declared > MAX_REQUEST_BYTES) throw new RequestTooLarge()
	const type = request.headers.get('Content-Type') ?? ''
	if (!type.startsWith('multipart/form-data')) return { formData: await request.formData(), upload: { kind: 'none' } }
	let upload: Upload = { kind: 'none' }
	let total = 0
	const logoHandler: UploadHandler = async ({ name, filename, data }) => {
		if (filename === undefined) return undefined
		const chunks: Uint8Array[] = []
		let size = 0
		for await (const chunk of data) {
			size += chunk.length
			total += chunk.length
			if (total > MAX_REQUEST_BYTES) throw new RequestTooLarge()
			if (size <= MAX_IMAGE_BYTES + 1) chunks.push(chunk)
		}
		// A file input left empty still sends a part with no name and no bytes.
		if (name !== LOGO_FIELD || (size === 0 && !filename)) return ''
		upload = size > MAX_IMAGE_BYTES ? { kind: 'too_large' } : { kind: 'file', bytes: Buffer.concat(chunks) }
		return ''
	}
	try {
		const formData = await unstable_parseMultipartFormData(
			request,
			unstable_composeUploadHandlers(logoHandler, unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART_BYTES })),
		)
		formData.delete(LOGO_FIELD)
		return { formData, upload }
	} catch (error) {
		if (error instanceof RequestTooLarge || error instanceof MaxPartSizeExceededError) throw new RequestTooLarge()
		throw error
	}
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
 * The first steps of the apply and the edit form alike: read the multipart body (413 when too
 * large), take the rate limit (after reading, so typed values come back; a limited request stores
 * no logo), and check the fields against the fair's categories and its published plan.
 */
export async function readApplicationForm(
	db: Db,
	request: Request,
	context: AppLoadContext | undefined,
	ctx: { fair: FairContext; now: Date; t: TFunction; locale: Locale },
): Promise<ApplicationFormRequest> {
	let input
	try {
		input = await readApplicationFormData(request)
	} catch (error) {
		if (error instanceof RequestTooLarge) throw new Response(ctx.t('apply:errors.request_too_large'), { status: 413 })
		throw error
	}
	const limit = takeRateLimit(context)
	const standLabels = publishedStandLabels(db, ctx.fair.event.id)
	const parsed = parseApplicationForm(db, input, { categories: ctx.fair.categories, now: ctx.now, t: ctx.t, locale: ctx.locale, store: limit.ok, standLabels, client: clientIp(context) })
	if (!limit.ok) return { kind: 'rate_limited', formData: input.formData, retryAfterSeconds: limit.retryAfterSeconds }
	// A bot that filled the hidden field is told nothing and gets nothing stored.
	if (parsed.honeypot) return { kind: 'honeypot' }
	return { kind: 'parsed', formData: input.formData, parsed }
}

/** The form's answer to a refusal (closed window, rate limit, a service error), with its status. */
export function refusalReply(formData: FormData, error: ServiceError, t: TFunction, init: { status?: number; headers?: HeadersInit } = {}) {
	return data({ result: serviceErrorReply(formData, error, t), logo: null }, { status: init.status ?? error.status, headers: init.headers })
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
		stands: stands.map((s) => ({ label: s.label, x: s.x, y: s.y, width: s.width, height: s.height, sizeM2: s.sizeM2, power: s.power, accessible: s.accessible, zone: s.zone })),
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

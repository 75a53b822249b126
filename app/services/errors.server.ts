import type { Need } from '#app/domain/allocation/model.ts'

/**
 * A rule said no. `code` is the API's error code (and the catalog key under api:errors);
 * `status` the HTTP status the API answers with; `field` the form field it belongs to, if any.
 */
export class ServiceError extends Error {
	constructor(
		readonly code: string,
		readonly status: 403 | 404 | 409 | 422,
		readonly field?: string,
	) {
		super(code)
	}
}

/** A manual assignment to a stand that lacks something the application needs: 422 with the needs. */
export class StandDoesNotFitError extends ServiceError {
	constructor(readonly unmet: Need[]) {
		super('stand_does_not_fit', 422, 'standLabel')
	}
}

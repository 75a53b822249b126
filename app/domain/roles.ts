import type { Role } from './vocabulary.ts'

const RANK: Record<Role, number> = { scanner: 1, organizer: 2, admin: 3 }

/** Roles are ordered: an admin may do what an organizer may, an organizer what a scanner may. */
export function hasRole(actual: Role, required: Role): boolean {
	return RANK[actual] >= RANK[required]
}

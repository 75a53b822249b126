// A stand of a floor plan as the stands API, the plan editor and the geometry take it.
import type { Stand } from '#app/domain/stand-geometry.ts'

/** `width` × `height` metres with its top-left corner at (x, y), its area as sizeM2, no power, not accessible; `extra` over it. */
export function standAt(label: string, x: number, y: number, width = 2, height = 2, extra: Partial<Stand> = {}): Stand {
	return { label, x, y, width, height, sizeM2: width * height, power: false, accessible: false, ...extra }
}

// zod 4 compiles object schemas with `new Function` unless told not to. The pages' CSP forbids
// eval, so in the browser every parse would be a CSP violation (and zod's probe for eval one more).
// Imported first by the client entry and the root route, before any schema parses in the browser;
// the server keeps the faster compiled parsers.
//
// zod keeps its settings in globalThis.__zod_globalConfig and takes that object when it loads
// (zod/v4/core/core.js), so the setting is written there without importing zod: a page whose
// browser code has no schema (the application form, decision 0012) then loads no zod at all.
declare global {
	var __zod_globalConfig: { jitless?: boolean } | undefined
}

if (typeof document !== 'undefined') {
	globalThis.__zod_globalConfig ??= {}
	globalThis.__zod_globalConfig.jitless = true
}

export {}

// zod 4 compiles object schemas with `new Function` unless told not to. The pages' CSP forbids
// eval, so in the browser every parse would be a CSP violation (and zod's probe for eval one more).
// Imported first by the client entry and the root route, before any schema parses in the browser;
// the server keeps the faster compiled parsers.
import { z } from 'zod'

if (typeof document !== 'undefined') z.config({ jitless: true })

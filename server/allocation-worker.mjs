// The stand allocation's worker thread when there is no bundled worker (`<build dir>/allocation-worker.js`,
// made by scripts/build-allocation-worker.mjs in `npm run build`): under vitest or tsx, or a build
// made without that step. Loads the TypeScript worker, app/services/workers/allocation-worker.server.ts,
// through tsx (a devDependency). app/services/workers/allocation-solver.server.ts finds this file by walking
// up from its own module (docs/decisions/0006-stand-allocation-solver.md).
import { tsImport } from 'tsx/esm/api'

await tsImport('../app/services/workers/allocation-worker.server.ts', import.meta.url)

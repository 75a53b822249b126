// The production server: Express serving the built Remix app and its static files.
// `npm start` runs this. It exists (instead of remix-serve) to hand the routes the client's IP
// address for rate limits, and to keep per-request overhead low.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import http from 'node:http'
import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'
import { createApiHandler } from './server/direct-routes.mjs'

const root = path.dirname(fileURLToPath(import.meta.url))
const buildDir = path.resolve(root, process.env.REMIX_BUILD_DIR ?? 'build')
const build = await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)

const app = express()
app.disable('x-powered-by')
// Behind a reverse proxy on the same machine (nginx, Caddy), X-Forwarded-For is the client.
// TRUST_PROXY can name other proxies (Express syntax: "loopback", an address, a hop count).
app.set('trust proxy', process.env.TRUST_PROXY?.split(',').map((s) => s.trim()) ?? 'loopback')
app.use(compression())
// Fingerprinted assets never change; everything else in public/ may.
app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y', index: false }))
app.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h', index: false }))
app.all(
	'*',
	createRequestHandler({
		build,
		mode: process.env.NODE_ENV ?? 'production',
		getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown' }),
	}),
)

const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '0.0.0.0'
const trustProxy = process.env.TRUST_PROXY ?? 'loopback'
const handleApi = createApiHandler(build, { trustProxy })
// /api/ goes straight to its route module; everything else through Express and Remix.
const server = http.createServer((req, res) => {
	handleApi(req, res)
		.then((handled) => {
			if (!handled) app(req, res)
		})
		.catch((error) => {
			console.error(error)
			if (!res.headersSent) res.writeHead(500).end()
		})
})
server.listen(port, host, () => {
	console.log(`Sajam listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`)
})
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		server.close(() => process.exit(0))
		setTimeout(() => process.exit(0), 5000).unref()
	})
}

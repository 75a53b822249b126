// A real SMTP server (smtp-server) on 127.0.0.1 for tests: it takes every mail, and mailparser
// reads what actually arrived. Use its `url` as SMTP_URL (for the built server, the CLI or
// createMailer) and `waitFor` to wait for a mail to a given address.
import { type AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** The From of the mail that test servers send (their MAIL_FROM). */
export const TEST_MAIL_FROM = 'Centar Sajam <no-reply@sajam.test>'

export type ReceivedMail = {
	/** The SMTP envelope (MAIL FROM / RCPT TO), which may differ from the headers. */
	envelope: { from: string | null; to: string[] }
	/** The message as it came over the wire. */
	raw: Buffer
	parsed: ParsedMail
}

export type TestMailServer = {
	port: number
	/** smtp://127.0.0.1:{port} */
	url: string
	/** Every mail received so far, in order of arrival. */
	readonly messages: ReceivedMail[]
	/** Mails whose envelope goes to this address. */
	to(address: string): ReceivedMail[]
	/** Resolves with the first mail (already received or arriving) that matches. */
	waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>
	/** Resolves once an outage (`outageAfter`) has begun: the port no longer answers. */
	readonly wentDown: Promise<void>
	close(): Promise<void>
}

export type MailServerOptions = {
	/** The port (0 or none: any free port); a server started again on the same port ends an outage. */
	port?: number
	/**
	 * An outage in the middle of a delivery: after this many mails, the next one is never accepted
	 * (its DATA gets no answer), the server stops listening and drops its connections.
	 */
	outageAfter?: number
}

/** Starts the server on `port` (0: any free port). */
export function startMailServer(options: MailServerOptions = {}): Promise<TestMailServer> {
	const messages: ReceivedMail[] = []
	const waiters = new Set<() => void>()
	let goDown: () => void = () => {}
	const wentDown = new Promise<void>((resolve) => (goDown = resolve))
	let down = false
	const server = new SMTPServer({
		// Plain SMTP on loopback: no TLS, no authentication, no log noise.
		disabledCommands: ['STARTTLS', 'AUTH'],
		authOptional: true,
		logger: false,
		closeTimeout: 1_000,
		onData(stream, session, callback) {
			if (options.outageAfter !== undefined && messages.length >= options.outageAfter) {
				// This mail is never acknowledged: the client sees its connection drop, as in a real outage.
				stream.resume()
				if (!down) {
					down = true
					server.close(() => goDown())
				}
				return
			}
			const chunks: Buffer[] = []
			stream.on('data', (chunk: Buffer) => chunks.push(chunk))
			stream.on('error', callback)
			stream.on('end', () => {
				const raw = Buffer.concat(chunks)
				simpleParser(raw, { keepCidLinks: true }).then(
					(parsed) => {
						const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null
						messages.push({ envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) }, raw, parsed })
						for (const wake of waiters) wake()
						callback()
					},
					(error: Error) => callback(error),
				)
			})
		},
	})
	return new Promise((resolve, reject) => {
		server.on('error', reject)
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			const port = (server.server.address() as AddressInfo).port
			resolve({
				port,
				url: `smtp://127.0.0.1:${port}`,
				messages,
				to: (address) => messages.filter((m) => m.envelope.to.includes(address)),
				waitFor(match, timeoutMs = 10_000) {
					return new Promise((done, fail) => {
						const check = () => {
							const found = messages.find(match)
							if (!found) return false
							waiters.delete(check)
							clearTimeout(timer)
							done(found)
							return true
						}
						const timer = setTimeout(() => {
							waiters.delete(check)
							fail(new Error(`No matching mail within ${timeoutMs} ms (received ${messages.length})`))
						}, timeoutMs)
						if (!check()) waiters.add(check)
					})
				},
				wentDown,
				close: () => (down ? wentDown : new Promise<void>((done) => server.close(() => done()))),
			})
		})
	})
}

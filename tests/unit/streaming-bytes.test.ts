// React 18's streaming renderer encodes text into 2,048-byte views. Unpatched, a multi-byte
// character that does not fit at the end of a view makes it send the whole view, unused zero
// bytes included (issue 19; patches/react-dom+18.3.1.patch, docs/decisions/0009). This renders
// texts of every length around the boundaries and checks the streamed bytes are exactly those of
// the same tree rendered to a string: no NUL, nothing lost.
import { createRequire } from 'node:module'
import path from 'node:path'
import { Writable } from 'node:stream'
import { createElement, Fragment } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, test } from 'vitest'

type ReactDomServer = typeof import('react-dom/server')
const require = createRequire(import.meta.url)
// The package exports only its entry points; its builds are read from its folder.
const reactDomDir = path.dirname(require.resolve('react-dom/package.json'))
// The reference is the string renderer, which does not stream in views. Both streaming builds
// are patched: the server runs the production one, `npm run dev` the development one.
const builds: Record<string, ReactDomServer> = {
	production: require(path.join(reactDomDir, 'cjs/react-dom-server.node.production.min.js')),
	development: require(path.join(reactDomDir, 'cjs/react-dom-server.node.development.js')),
}

function streamToBuffer({ renderToPipeableStream }: ReactDomServer, element: React.ReactElement): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = []
		const sink = new Writable({
			write(chunk: Buffer, _encoding, done) {
				chunks.push(Buffer.from(chunk))
				done()
			},
		})
		sink.on('finish', () => resolve(Buffer.concat(chunks)))
		const { pipe } = renderToPipeableStream(element, {
			onAllReady: () => pipe(sink),
			onShellError: reject,
			onError: reject,
		})
	})
}

/** A page-like tree: an ASCII lead of `pad` bytes, then paragraphs of 2- and 3-byte characters. */
function page(pad: number, paragraph: string) {
	return createElement(
		'main',
		null,
		createElement('p', null, 'x'.repeat(pad)),
		...Array.from({ length: 6 }, (_, i) => createElement(Fragment, { key: i }, createElement('p', null, paragraph), createElement('span', null, `${i} – ћ`))),
	)
}

describe.each(Object.keys(builds))('streamed HTML (%s build) carries exactly the bytes of the page', (build) => {
	const server = builds[build]!
	// Cyrillic letters are 2 bytes in UTF-8; the en dash and € are 3; Latin č/ž are 2.
	const paragraphs = {
		cyrillic: 'Регистрација родитеља и деце, имејл адреса, ћирилица. '.repeat(5),
		'3-byte': '–€–€ '.repeat(40),
		latin: 'Čačak, Kruševac, Žiča, đak, ćirilica. '.repeat(6),
	}
	for (const [name, paragraph] of Object.entries(paragraphs)) {
		test(`${name} text at every alignment of the 2,048-byte views`, async () => {
			for (let pad = 0; pad < 2048 + 8; pad++) {
				const element = page(pad, paragraph)
				const streamed = await streamToBuffer(server, element)
				const expected = renderToString(element)
				expect(streamed.indexOf(0), `NUL byte with a lead of ${pad}`).toBe(-1)
				// The stream and the string render agree byte for byte (the stream adds no markers for
				// a tree without Suspense).
				if (!streamed.equals(Buffer.from(expected))) {
					expect(streamed.toString('utf8'), `lead of ${pad}`).toBe(expected)
				}
			}
		})
	}
})

// Screenshots of pages at phone and desktop width, for looking at what people will see.
// node scripts/screenshot.mjs http://localhost:3000/ [more urls...]  → screenshots/*.png
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'

const urls = process.argv.slice(2)
const out = process.env.SCREENSHOT_DIR ?? 'screenshots'
mkdirSync(out, { recursive: true })
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
	],
})
for (const url of urls) {
	for (const width of [390, 1280]) {
		const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 900 } })
		await page.goto(url, { waitUntil: 'networkidle' })
		const name = new URL(url).pathname.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'
		const q = new URL(url).searchParams.get('lang') ?? ''
		const file = `${out}/${name}${q ? '-' + q : ''}-${width}.png`
		await page.screenshot({ path: file, fullPage: true })
		console.log(file)
		await page.close()
	}
}
await browser.close()

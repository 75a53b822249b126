// The security headers every page sends. The script policy allows our own files and the inline
// scripts React and Remix write into this one response (its nonce), nothing else: no
// 'unsafe-inline', no eval ('wasm-unsafe-eval' is for the scanner's ZXing reader).

export function contentSecurityPolicy(nonce: string, { development = false } = {}): string {
	// Vite's dev server writes inline scripts of its own (hot reload) that carry no nonce; in
	// development only, inline scripts are allowed instead (a nonce would switch that off).
	const scripts = ["'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`, "'wasm-unsafe-eval'"].join(' ')
	return [
		"default-src 'self'",
		"img-src 'self' data: blob:",
		// Inline styles for the SVG floor plans.
		"style-src 'self' 'unsafe-inline'",
		`script-src ${scripts}`,
		"connect-src 'self'",
		"object-src 'none'",
		"frame-ancestors 'none'",
		"base-uri 'self'",
		"form-action 'self'",
	].join('; ')
}

export function setSecurityHeaders(headers: Headers) {
	headers.set('X-Content-Type-Options', 'nosniff')
	// A route may ask for less (the ticket pages, whose address is the credential).
	if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'same-origin')
	headers.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()')
}

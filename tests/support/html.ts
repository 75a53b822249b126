// Texts as they appear in a page's HTML, for tests that look for a message in a response body.

/** React's escaping of text and attribute values (an apostrophe becomes &#x27;). */
export const escapedByReact = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')

/** The escaping of the plain refusal pages served before Remix (app/http/refusals.server.ts: &#39;). */
export const escapedByRefusalPage = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

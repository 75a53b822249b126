// The name search on the phone, offline: the dataset's names (no addresses are kept on the phone),
// with the server's rule (searchWords, searchMatches): every word of the query, in any order.
import type { OfflineTicket } from '#app/domain/checkin-contract.ts'
import { CHECKIN_SEARCH_LIMIT } from '#app/domain/checkin-limits.ts'
import { foldForSearch, searchMatches, searchWords } from '#app/domain/search-text.ts'

/** The tickets whose name holds every word of the query, by name as the server orders them; at most `limit`. */
export function searchTicketsOnPhone(tickets: readonly OfflineTicket[], query: string, limit = CHECKIN_SEARCH_LIMIT): OfflineTicket[] {
	const words = searchWords(query)
	if (words.length === 0) return []
	return tickets
		.filter((ticket) => searchMatches([ticket.name], words))
		.map((ticket) => ({ ticket, key: foldForSearch(ticket.name) }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.ticket.registrationId - b.ticket.registrationId))
		.slice(0, limit)
		.map(({ ticket }) => ticket)
}

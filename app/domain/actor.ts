// Who did something: a logged-in user, an API or scanner token, the command line, or the server
// itself. The audit log and the scan log name the actor by its label.
export type Actor = { kind: 'user'; id: number } | { kind: 'token'; id: number } | { kind: 'cli' } | { kind: 'system' }

export function actorLabel(actor: Actor): string {
	return actor.kind === 'user' || actor.kind === 'token' ? `${actor.kind}:${actor.id}` : actor.kind
}

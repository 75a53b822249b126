// The answers an organizer marked for the door (issue 18), under the verdict and in the name
// search: the question, then the answer, as the server or the offline dataset gave them.
import type { DoorAnswer } from '#app/domain/checkin-contract.ts'

export function DoorAnswers({ answers, className }: { answers: DoorAnswer[] | undefined; className: string }) {
	if (!answers?.length) return null
	return (
		<dl className={className}>
			{answers.map((answer, i) => (
				<div key={i}>
					<dt>{answer.label}</dt>
					<dd>{answer.text}</dd>
				</div>
			))}
		</dl>
	)
}

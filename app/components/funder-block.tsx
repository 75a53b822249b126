// The funder's visibility block (EU emblem, funding statement, disclaimer), as the admin set it in
// /admin/settings: at the top of the funders' reports and, when ticked, in the public footer.
import { useTranslation } from 'react-i18next'
import type { FunderBlockView } from '#app/domain/funder-visibility.ts'

export function FunderBlock({ block, className }: { block: FunderBlockView; className?: string }) {
	const { t } = useTranslation('reports')
	return (
		<div className={['funder-block', className].filter(Boolean).join(' ')} data-funder-block="">
			{block.emblemUrl ? <img className="funder-emblem" src={block.emblemUrl} alt={t('funder.emblemAlt')} height={48} /> : null}
			<div className="funder-text">
				{block.statement ? <p className="funder-statement">{block.statement}</p> : null}
				{block.disclaimer ? <p className="funder-disclaimer">{block.disclaimer}</p> : null}
			</div>
		</div>
	)
}

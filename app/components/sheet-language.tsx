// The last row of a print page's form (tickets, badges): the language the sheet is printed in, and
// the button that shows the sheet again with the choices above (a GET form, no JavaScript).
import { useTranslation } from 'react-i18next'
import { LOCALES, type Locale } from '#app/domain/locale.ts'

export function SheetLanguageRow({ lang }: { lang: Locale }) {
	const { t } = useTranslation(['print', 'common'])
	return (
		<p className="field-row">
			<label htmlFor="sheet-lang">{t('sheetLang')}</label>
			<select id="sheet-lang" name="sheetLang" defaultValue={lang}>
				{LOCALES.map((locale) => (
					<option key={locale} value={locale}>
						{t(`common:language.${locale}`)}
					</option>
				))}
			</select>
			<button type="submit" className="button secondary">
				{t('show')}
			</button>
		</p>
	)
}

// The new password and its confirmation, as the invitation, the reset and "my account" pages ask
// for them: one place for the labels, the length hint and the browser's autocomplete hints.
import type { FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { PASSWORD_MIN } from '#app/domain/account-rules.ts'
import { TextField } from './form-fields.tsx'

export function NewPasswordFields({ password, confirm }: { password: FieldMetadata<string>; confirm: FieldMetadata<string> }) {
	const { t } = useTranslation('accounts')
	return (
		<>
			<TextField field={password} type="password" label={t('password.new')} hint={t('password.newHint', { min: PASSWORD_MIN })} autoComplete="new-password" />
			<TextField field={confirm} type="password" label={t('password.confirm')} autoComplete="new-password" />
		</>
	)
}

import React, { useEffect, useState } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import { FormattedMessage, useIntl } from 'react-intl'
import { Alert, Button, Input, PageBlock } from 'vtex.styleguide'

import PageFrame from '../components/PageFrame'
import DailyScanPanel from './DailyScanPanel'
import { ErrorState, Loading } from '../components/QueryState'
import SETTINGS from '../graphql/settings.gql'
import UPDATE from '../graphql/updateSettings.gql'
import { readError } from '../utils/errors'

interface Settings {
  rotationDays: number
  renewalGraceDays: number
  reviewCadenceDays: number
  maxOwnerUsers: number
  extraGenericLabels: string[]
  keyManagingRoleIds: number[]
  roleFetchConcurrency: number
  scanExtraPaths: string[]
  reminderDays: number
  reminderEmails: string[]
  liveReadTimeoutSeconds: number
  recentCopyMaxAgeMinutes: number
  version: string | null
}

type NumberField = 'rotationDays' | 'renewalGraceDays' | 'reviewCadenceDays' | 'reminderDays' | 'maxOwnerUsers' | 'roleFetchConcurrency' | 'liveReadTimeoutSeconds' | 'recentCopyMaxAgeMinutes'
const NUMBER_FIELDS: NumberField[] = ['rotationDays', 'renewalGraceDays', 'reviewCadenceDays', 'reminderDays', 'maxOwnerUsers', 'roleFetchConcurrency', 'liveReadTimeoutSeconds', 'recentCopyMaxAgeMinutes']

interface Form { numbers: Record<NumberField, string>; labels: string; roleIds: string; paths: string; emails: string }

const toForm = (s: Settings): Form => ({
  numbers: Object.fromEntries(NUMBER_FIELDS.map(f => [f, String(s[f])])) as Record<NumberField, string>,
  labels: s.extraGenericLabels.join(', '),
  roleIds: s.keyManagingRoleIds.join(', '),
  paths: s.scanExtraPaths.join(', '),
  emails: s.reminderEmails.join(', '),
})

const list = (text: string) => text.split(',').map(s => s.trim()).filter(Boolean)

const SettingsPage: React.FC = () => {
  const intl = useIntl()
  const t = (id: string) => intl.formatMessage({ id: `admin/key-steward.settings.${id}` })
  const { data, loading, error, refetch } = useQuery<{ settings: Settings }>(SETTINGS)
  const [save, saving] = useMutation<{ updateSettings: Settings }>(UPDATE)
  const [form, setForm] = useState<Form | null>(null)
  const [saved, setSaved] = useState(false)

  useEffect(() => { if (data?.settings) setForm(toForm(data.settings)) }, [data])

  const failure = readError(saving.error)
  // The server names the field; the page says it in the admin's language (the help text gives the range).
  const fieldError = (field: string) => (failure?.fields.some(f => f.field === field) ? t('invalid') : undefined)

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!form || !data) return
    setSaved(false)
    const settings = {
      ...Object.fromEntries(NUMBER_FIELDS.map(f => [f, form.numbers[f].trim() === '' ? null : Number(form.numbers[f])])),
      extraGenericLabels: list(form.labels),
      keyManagingRoleIds: list(form.roleIds).map(Number),
      scanExtraPaths: list(form.paths),
      reminderEmails: list(form.emails),
    }
    try {
      await save({ variables: { settings, version: data.settings.version }, refetchQueries: [{ query: SETTINGS }], awaitRefetchQueries: true })
      setSaved(true)
    } catch {
      // shown from saving.error
    }
  }

  return (
    <PageFrame section="settings" title={<FormattedMessage id="admin/key-steward.settings.title" />} subtitle={<FormattedMessage id="admin/key-steward.settings.subtitle" />}>
      <PageBlock>
        {loading && !data && <Loading />}
        {error && !data && <ErrorState error={error} onRetry={() => refetch()} />}
        {form && (
          <form onSubmit={submit} noValidate aria-label={t('title')}>
            {saved && <div className="mb5" role="status"><Alert type="success" onClose={() => setSaved(false)}><FormattedMessage id="admin/key-steward.settings.saved" /></Alert></div>}
            {failure && failure.code === 'CONFLICT' && (
              <div className="mb5" role="alert">
                <Alert type="warning" action={{ label: t('reload'), onClick: () => refetch() }}>{failure.message}</Alert>
              </div>
            )}
            {failure && !['CONFLICT', 'BAD_USER_INPUT'].includes(failure.code) && (
              <div className="mb5" role="alert"><Alert type="error">{failure.message}</Alert></div>
            )}
            {NUMBER_FIELDS.map(field => (
              <div key={field} className="mb5 w-100 w-50-l">
                <Input
                  id={`setting-${field}`}
                  name={field}
                  type="number"
                  label={t(`${field}.label`)}
                  helpText={t(`${field}.help`)}
                  value={form.numbers[field]}
                  errorMessage={fieldError(field)}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, numbers: { ...form.numbers, [field]: e.target.value } })}
                />
              </div>
            ))}
            <div className="mb5 w-100 w-50-l">
              <Input id="setting-extraGenericLabels" name="extraGenericLabels" label={t('extraGenericLabels.label')} helpText={t('extraGenericLabels.help')} value={form.labels} errorMessage={fieldError('extraGenericLabels')} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, labels: e.target.value })} />
            </div>
            <div className="mb5 w-100 w-50-l">
              <Input id="setting-keyManagingRoleIds" name="keyManagingRoleIds" label={t('keyManagingRoleIds.label')} helpText={t('keyManagingRoleIds.help')} value={form.roleIds} errorMessage={fieldError('keyManagingRoleIds')} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, roleIds: e.target.value })} />
            </div>
            <div className="mb5 w-100 w-50-l">
              <Input id="setting-scanExtraPaths" name="scanExtraPaths" label={t('scanExtraPaths.label')} helpText={t('scanExtraPaths.help')} value={form.paths} errorMessage={fieldError('scanExtraPaths')} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, paths: e.target.value })} />
            </div>
            <div className="mb5 w-100 w-50-l">
              <Input id="setting-reminderEmails" name="reminderEmails" label={t('reminderEmails.label')} helpText={t('reminderEmails.help')} value={form.emails} errorMessage={fieldError('reminderEmails')} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, emails: e.target.value })} />
            </div>
            <Button type="submit" isLoading={saving.loading}><FormattedMessage id="admin/key-steward.settings.save" /></Button>
          </form>
        )}
      </PageBlock>
      <DailyScanPanel />
    </PageFrame>
  )
}

export default SettingsPage

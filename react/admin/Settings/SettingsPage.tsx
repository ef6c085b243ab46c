import React, { useEffect, useState } from 'react'
import { useQuery } from 'react-apollo'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, PageBlock } from 'vtex.styleguide'

import PageFrame from '../components/PageFrame'
import DailyScanPanel from './DailyScanPanel'
import TextField from '../components/TextField'
import { useAnswerFocus } from '../components/useAnswerFocus'
import { ErrorState, Loading } from '../components/QueryState'
import ACCOUNT_ROLES from '../graphql/accountRoles.gql'
import SETTINGS from '../graphql/settings.gql'
import UPDATE from '../graphql/updateSettings.gql'
import type {
  KeyStewardAccountRolesQuery,
  KeyStewardAccountRolesQueryVariables,
  KeyStewardSettingsQuery,
  KeyStewardSettingsQueryVariables,
  KeyStewardUpdateSettingsMutation,
  KeyStewardUpdateSettingsMutationVariables,
} from '../graphql/types.generated'
import { readError } from '../utils/errors'
import { useResourceWords } from '../components/useResourceWords'
import type { FieldProblem, SettingLimit } from './validateForm'
import { checkList, checkNumber, splitList } from './validateForm'
import { Notice } from '../components/Notice'
import { useCopyPolicy } from '../apollo/useCopyPolicy'
import { useSettledMutation } from '../apollo/useSettledMutation'
import { RereadNotice } from '../components/RereadNotice'
import Select from '../components/Select'

type Locale = 'en' | 'pt' | 'es'
const LOCALES: Locale[] = ['en', 'pt', 'es']

type Settings = NonNullable<KeyStewardSettingsQuery['settings']>

type NumberField =
  | 'rotationDays'
  | 'renewalGraceDays'
  | 'reviewCadenceDays'
  | 'reminderDays'
  | 'maxOwnerUsers'
  | 'roleFetchConcurrency'
  | 'liveReadTimeoutSeconds'
  | 'recentCopyMaxAgeMinutes'
const POLICY_NUMBERS: NumberField[] = [
  'rotationDays',
  'renewalGraceDays',
  'reviewCadenceDays',
  'reminderDays',
  'maxOwnerUsers',
]

/** Engineering knobs: how Key Steward reads VTEX, not what the policy is. */
const ADVANCED_NUMBERS: NumberField[] = [
  'roleFetchConcurrency',
  'liveReadTimeoutSeconds',
  'recentCopyMaxAgeMinutes',
]

const NUMBER_FIELDS = [...POLICY_NUMBERS, ...ADVANCED_NUMBERS]

/** Refusals whose sentence states the field's range or its maximum (settings.error.*). */
const RANGE_STATED: Array<FieldProblem['code']> = [
  'REQUIRED',
  'NOT_WHOLE_NUMBER',
  'OUT_OF_RANGE',
  'TOO_MANY',
]

type ListField =
  | 'extraGenericLabels'
  | 'scanExtraPaths'
  | 'reminderEmails'
  | 'auditors'
const LIST_FIELDS: ListField[] = [
  'extraGenericLabels',
  'scanExtraPaths',
  'reminderEmails',
  'auditors',
]

interface Form {
  numbers: Record<NumberField, string>
  lists: Record<ListField, string>
  roleIds: number[]
  reminderLocale: Locale
}

/** The service only stores one of LOCALES; anything else shows as English. */
const asLocale = (value: string): Locale =>
  LOCALES.find((l) => l === value) ?? 'en'

const toForm = (s: Settings): Form => ({
  numbers: Object.fromEntries(
    NUMBER_FIELDS.map((f) => [f, String(s[f])])
  ) as Record<NumberField, string>,
  lists: Object.fromEntries(
    LIST_FIELDS.map((f) => [f, s[f].join(', ')])
  ) as Record<ListField, string>,
  roleIds: s.keyManagingRoleIds,
  reminderLocale: asLocale(s.reminderLocale),
})

/** Every problem of the form, checked with the served limits (the service checks again). */
function checkForm(form: Form, limits: SettingLimit[]): FieldProblem[] {
  const limit = (field: string) => limits.find((l) => l.field === field)

  return [
    ...NUMBER_FIELDS.map((f) => checkNumber(f, form.numbers[f], limit(f))),
    ...LIST_FIELDS.flatMap((f) =>
      checkList(f, splitList(form.lists[f]), limit(f))
    ),
  ].filter((p): p is FieldProblem => p !== null)
}

const SettingsPage: React.FC = () => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/key-steward.settings.${id}` }, values)

  const { data, loading, error, refetch } = useQuery<
    KeyStewardSettingsQuery,
    KeyStewardSettingsQueryVariables
  >(SETTINGS, useCopyPolicy(SETTINGS))

  const roles = useQuery<
    KeyStewardAccountRolesQuery,
    KeyStewardAccountRolesQueryVariables
  >(ACCOUNT_ROLES)

  const rolesRefusal = readError(roles.error)
  // The list of custom roles could not be read (refused or failed): nothing to pick from.
  const rolesShown = !(roles.error && !roles.data)
  const resourceWords = useResourceWords()

  const [save, saving] = useSettledMutation<
    KeyStewardUpdateSettingsMutation,
    KeyStewardUpdateSettingsMutationVariables
  >(UPDATE)

  const [form, setForm] = useState<Form | null>(null)
  const [saved, setSaved] = useState(false)
  const [problems, setProblems] = useState<FieldProblem[]>([])
  const [advancedOpen, setAdvancedOpen] = useState(false)
  // After a save is answered, focus goes to the first invalid field, else to the Save button
  // (the notice by it is announced).
  const [formRef, answered] = useAnswerFocus()

  useEffect(() => {
    if (data?.settings) setForm(toForm(data.settings))
  }, [data])

  const failure = readError(saving.error)
  const limitOf = (field: string) =>
    data?.settingsLimits.find((l) => l.field === field)

  /** Every error of a field: a list field names each bad entry. */
  const errorsOf = (field: string) =>
    problems
      .filter((x) => x.field === field)
      .map((p) =>
        t(`error.${p.code}`, { ...(p.params ?? {}), entry: p.entry ?? '' })
      )

  const help = (field: NumberField | ListField) => {
    const l = limitOf(field)
    // A refusal that states the range ("Enter a whole number from 7 to 365.") is read just
    // before the help: the help then leaves its own range out, so it is said once (walk16 #6).
    const stated = problems.some(
      (p) => p.field === field && RANGE_STATED.includes(p.code)
    )

    const range = stated
      ? ''
      : l?.min != null && l.max != null
      ? t('range', { min: l.min, max: l.max })
      : l?.maxItems != null
      ? t('listRange', { maxItems: l.maxItems })
      : ''

    return `${t(`${field}.help`)} ${range}`.trim()
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!form || !data?.settings) return
    setSaved(false)
    const found = checkForm(form, data.settingsLimits)

    setProblems(found)
    if (found.some((p) => ADVANCED_NUMBERS.includes(p.field as NumberField)))
      setAdvancedOpen(true)
    if (found.length) {
      answered()

      return
    }

    const settings = {
      ...Object.fromEntries(
        NUMBER_FIELDS.map((f) => [f, Number(form.numbers[f].trim())])
      ),
      ...Object.fromEntries(
        LIST_FIELDS.map((f) => [f, splitList(form.lists[f])])
      ),
      keyManagingRoleIds: form.roleIds,
      reminderLocale: form.reminderLocale,
    }

    try {
      await save({
        variables: { settings, version: data.settings.version },
        refetchQueries: [{ query: SETTINGS }],
      })
      setSaved(true)
      answered()
    } catch (err) {
      // The service's per-field refusals (code, params, entry) are shown like the browser's own.
      const refused = readError(err as never)

      if (refused?.code === 'BAD_USER_INPUT') {
        setProblems(
          refused.fields.map((f) => ({
            field: f.field,
            code: (f.code ?? 'NOT_A_SETTING') as FieldProblem['code'],
            params: f.params,
            entry: f.entry,
          }))
        )
        if (
          refused.fields.some((f) =>
            ADVANCED_NUMBERS.includes(f.field as NumberField)
          )
        )
          setAdvancedOpen(true)
      }

      answered()
    }
  }

  /** A number or a list: text kept as typed in its group of the form, checked on save. */
  const textInput = (
    group: 'numbers' | 'lists',
    field: NumberField | ListField
  ) =>
    form && (
      <TextField
        key={field}
        id={`setting-${field}`}
        name={field}
        numeric={group === 'numbers'}
        label={t(`${field}.label`)}
        help={help(field)}
        value={(form[group] as Record<string, string>)[field]}
        errors={errorsOf(field)}
        onChange={(value) =>
          setForm({ ...form, [group]: { ...form[group], [field]: value } })
        }
      />
    )

  const numberInput = (field: NumberField) => textInput('numbers', field)
  const listInput = (field: ListField) => textInput('lists', field)

  const custom = (roles.data?.accountRoles ?? []).filter((r) => r.custom)
  const gone = form
    ? form.roleIds.filter(
        (id) => roles.data && !roles.data.accountRoles.some((r) => r.id === id)
      )
    : []

  const toggleRole = (id: number, on: boolean) =>
    form &&
    setForm({
      ...form,
      roleIds: on
        ? [...form.roleIds, id]
        : form.roleIds.filter((x) => x !== id),
    })

  const roleErrors = errorsOf('keyManagingRoleIds')

  return (
    <PageFrame
      section="settings"
      title={<FormattedMessage id="admin/key-steward.settings.title" />}
      subtitle={<FormattedMessage id="admin/key-steward.settings.subtitle" />}
    >
      <PageBlock>
        {loading && !data && <Loading />}
        {error && !data && (
          <ErrorState error={error} onRetry={() => refetch()} />
        )}
        {form && (
          <form
            ref={formRef}
            onSubmit={submit}
            noValidate
            aria-label={t('title')}
          >
            {problems.length > 0 && (
              <div className="mb5" data-testid="settings-invalid">
                <Notice announce="assertive" type="error">
                  <FormattedMessage id="admin/key-steward.settings.fixErrors" />
                </Notice>
              </div>
            )}
            {POLICY_NUMBERS.map(numberInput)}
            {listInput('extraGenericLabels')}
            <fieldset
              className="mb5 w-100 mw6 bn pa0 ma0"
              id="setting-keyManagingRoleIds"
              aria-describedby={[
                roleErrors.length ? 'setting-roles-error' : '',
                rolesShown ? 'setting-roles-help' : 'setting-roles-unavailable',
              ]
                .filter(Boolean)
                .join(' ')}
            >
              <legend className="t-small mb3 c-on-base">
                {t('roles.label')}
              </legend>
              {roles.loading && !roles.data && <Loading />}
              {roles.error && !roles.data && (
                <p
                  id="setting-roles-unavailable"
                  className="c-danger f6 mv2"
                  data-testid="roles-unavailable"
                >
                  {/* a missing permission is not an outage: say which, not "could not be loaded" */}
                  {rolesRefusal?.code === 'FORBIDDEN'
                    ? intl.formatMessage(
                        { id: 'admin/key-steward.settings.roles.forbidden' },
                        {
                          resources: resourceWords(
                            rolesRefusal.acceptedResources
                          ),
                        }
                      )
                    : t('roles.unavailable')}
                </p>
              )}
              {roles.data && custom.length === 0 && gone.length === 0 && (
                <p className="c-muted-1 f6 mv2">{t('roles.none')}</p>
              )}
              {custom.map((r) => (
                <label
                  key={r.id}
                  className="db mb2 pointer"
                  htmlFor={`role-${r.id}`}
                >
                  <input
                    id={`role-${r.id}`}
                    type="checkbox"
                    className="mr2"
                    checked={form.roleIds.includes(r.id)}
                    aria-invalid={roleErrors.length ? true : undefined}
                    onChange={(e) => toggleRole(r.id, e.target.checked)}
                    disabled={!!roles.error}
                  />
                  {r.name}
                </label>
              ))}
              {gone.map((id) => (
                <label
                  key={id}
                  className="db mb2 pointer c-danger"
                  htmlFor={`role-${id}`}
                >
                  <input
                    id={`role-${id}`}
                    type="checkbox"
                    className="mr2"
                    checked
                    aria-invalid={roleErrors.length ? true : undefined}
                    onChange={(e) => toggleRole(id, e.target.checked)}
                  />
                  {t('roles.gone', { id })}
                </label>
              ))}
              {roleErrors.length > 0 && (
                <div id="setting-roles-error" className="c-danger f6 mv2">
                  {roleErrors.map((e) => (
                    <p key={e} className="mv1">
                      {e}
                    </p>
                  ))}
                </div>
              )}
              {/* "Pick the custom roles…" only where there are roles to pick: under "you cannot
                  change this choice" it contradicted it (walk14 #8) */}
              {rolesShown && (
                <p id="setting-roles-help" className="c-muted-1 f6 mv2">
                  {t('roles.help')}
                </p>
              )}
            </fieldset>
            {listInput('scanExtraPaths')}
            {listInput('reminderEmails')}
            {listInput('auditors')}
            <div className="mb5 w-100 mw6">
              <Select
                id="setting-reminderLocale"
                label={t('reminderLocale.label')}
                helpText={t('reminderLocale.help')}
                value={form.reminderLocale}
                options={LOCALES.map((l) => ({
                  value: l,
                  label: t(`locale.${l}`),
                }))}
                onChange={(_: unknown, v: Locale) =>
                  setForm({ ...form, reminderLocale: v })
                }
              />
            </div>
            <details
              className="mb5"
              open={advancedOpen}
              onToggle={(e) =>
                setAdvancedOpen((e.target as HTMLDetailsElement).open)
              }
              data-testid="settings-advanced"
            >
              <summary className="pointer c-on-base fw5 mb3">
                {t('advanced')}
              </summary>
              <p className="c-muted-1 f6 mt0">{t('advancedHelp')}</p>
              {ADVANCED_NUMBERS.map(numberInput)}
            </details>
            {/* What the save was answered with, by the button that stays focused: the top of
                the form is a long scroll away (a field's own error is by its field). */}
            <div data-testid="settings-answer">
              {saved && (
                <div className="mb5">
                  <Notice
                    announce="polite"
                    type="success"
                    onClose={() => setSaved(false)}
                  >
                    <FormattedMessage id="admin/key-steward.settings.saved" />
                  </Notice>
                </div>
              )}
              {failure && failure.code === 'CONFLICT' && (
                <div className="mb5">
                  <Notice
                    announce="assertive"
                    type="warning"
                    action={{ label: t('reload'), onClick: () => refetch() }}
                  >
                    {failure.message}
                  </Notice>
                </div>
              )}
              {failure &&
                !['CONFLICT', 'BAD_USER_INPUT'].includes(failure.code) && (
                  <div className="mb5">
                    <Notice announce="assertive" type="error">
                      {failure.message}
                    </Notice>
                  </div>
                )}
            </div>
            <Button type="submit" isLoading={saving.loading}>
              <FormattedMessage id="admin/key-steward.settings.save" />
            </Button>
            <RereadNotice failed={saving.rereadFailed} />
          </form>
        )}
      </PageBlock>
      {/* The daily scan needs what the settings need and more: when the page says the session
          lacks them, a second identical refusal below adds nothing. */}
      {!(error && !data && readError(error)?.code === 'FORBIDDEN') && (
        <DailyScanPanel />
      )}
    </PageFrame>
  )
}

export default SettingsPage

// External keys: keys of other VTEX accounts that hold roles in this one. VTEX does not list them
// to apps, so an admin registers each by its appKey and owning account; Key Steward then reads
// its roles and judges it like any key (external-broad-access, the score, reviews). This panel
// lists them with their roles and warnings, registers one, and removes one after a confirmation.
// The service validates everything and answers each refusal with a reason code, shown here in the
// admin's language; every registration and removal is written to the audit log.
import React, { useState } from 'react'
import { useMutation, useQuery } from 'react-apollo'
import type { ApolloError } from 'apollo-client'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { Button, PageBlock, Spinner } from 'vtex.styleguide'

import ConfirmDialog from '../actions/ConfirmDialog'
import FindingList from '../components/FindingList'
import SubjectName from '../components/SubjectName'
import EXTERNAL_KEYS from '../graphql/externalKeys.gql'
import REGISTER from '../graphql/registerExternalKey.gql'
import REMOVE from '../graphql/removeExternalKey.gql'
import type {
  KeyStewardExternalKeysQuery,
  KeyStewardExternalKeysQueryVariables,
  KeyStewardRegisterExternalKeyMutation,
  KeyStewardRegisterExternalKeyMutationVariables,
  KeyStewardRemoveExternalKeyMutation,
  KeyStewardRemoveExternalKeyMutationVariables,
} from '../graphql/types.generated'
import type { ServiceError } from '../utils/errors'
import { readError } from '../utils/errors'
import { Notice } from '../components/Notice'
import TextField from '../components/TextField'
import { useAnswerFocus } from '../components/useAnswerFocus'
import { VISUALLY_HIDDEN } from '../components/visuallyHidden'

export type ExternalKey = NonNullable<
  KeyStewardExternalKeysQuery['inventory']
>['externalKeys'][number]

/** A refused field as the service reports it: which, why (a code), and the values to name. */
interface FieldReason {
  field: string
  message: string
  reason?: string
  params?: Record<string, string>
}

const APP_KEY_ACCOUNT = /^\s*vtexappkey-([a-z0-9]+)-/

/** Why the service refused (node/domain/externalKeys.ts ExternalKeyProblem). */
const REASONS = [
  'TOKEN_PASTED',
  'APPKEY_FORMAT',
  'ACCOUNT_FORMAT',
  'OWN_ACCOUNT',
  'ACCOUNT_MISMATCH',
  'ALREADY_REGISTERED',
  'NOT_REGISTERED',
  'NO_ROLES_HERE',
] as const

type Reason = (typeof REASONS)[number]

type TextId =
  | 'title'
  | 'subtitle'
  | 'empty'
  | 'listLabel'
  | 'account'
  | 'added'
  | 'addedBy'
  | 'inactive'
  | 'roles'
  | 'noRoles'
  | 'rolesUnknown'
  | 'remove'
  | 'removeAria'
  | 'removeTitle'
  | 'removeEffect'
  | 'removed'
  | 'registerTitle'
  | 'appKey'
  | 'appKeyHelp'
  | 'accountLabel'
  | 'accountHelp'
  | 'register'
  | 'registered'
  | 'failed'
  | 'failedAbove'
  | 'forbidden'
  | 'retry'
  | 'error.TOKEN_PASTED'
  | 'error.APPKEY_FORMAT'
  | 'error.ACCOUNT_FORMAT'
  | 'error.OWN_ACCOUNT'
  | 'error.ACCOUNT_MISMATCH'
  | 'error.ALREADY_REGISTERED'
  | 'error.NOT_REGISTERED'
  | 'error.NO_ROLES_HERE'

function useText() {
  const intl = useIntl()

  return (id: TextId, values?: Record<string, string | number>) =>
    intl.formatMessage({ id: `admin/key-steward.externalKeys.${id}` }, values)
}

/** The translated reason of a refusal, or the service's own words for a reason we do not know. */
function explain(t: ReturnType<typeof useText>, f: FieldReason): string {
  return f.reason && (REASONS as readonly string[]).includes(f.reason)
    ? t(`error.${f.reason as Reason}` as TextId, f.params ?? {})
    : f.message
}

/** A failure that is not about one field (permissions, VTEX down), in the admin's language. */
const Failure: React.FC<{ failure: ServiceError; change?: boolean }> = ({
  failure,
  change,
}) => (
  <div className="mb4">
    <Notice announce="assertive" type="error">
      {failure.code === 'FORBIDDEN' ? (
        <FormattedMessage
          id="admin/key-steward.error.forbidden"
          values={{
            resources: failure.missingResources.join(', ') || failure.message,
            count: failure.missingResources.length,
          }}
        />
      ) : (
        <FormattedMessage
          id={
            change
              ? 'admin/key-steward.externalKeys.failed'
              : 'admin/key-steward.error.generic'
          }
          values={{ message: failure.message }}
        />
      )}
    </Notice>
  </div>
)

const RegisterForm: React.FC<{
  onRegistered: (appKey: string) => Promise<unknown>
}> = ({ onRegistered }) => {
  const t = useText()
  const [appKey, setAppKey] = useState('')
  const [account, setAccount] = useState('')
  const [accountTyped, setAccountTyped] = useState(false)
  const [register, state] = useMutation<
    KeyStewardRegisterExternalKeyMutation,
    KeyStewardRegisterExternalKeyMutationVariables
  >(REGISTER)

  const failure = readError(state.error)
  const fields = (failure?.fields ?? []) as FieldReason[]
  const invalid = (field: string) =>
    fields.filter((x) => x.field === field).map((x) => explain(t, x))

  // A refusal focuses the first refused field (marked invalid, its reason linked to it), else
  // Register beside the reason: not the page's start, where the disabled button left it.
  const [form, answered] = useAnswerFocus()

  return (
    <form
      ref={form}
      aria-label={t('registerTitle')}
      data-testid="external-key-form"
      onSubmit={(e) => {
        e.preventDefault()
        register({ variables: { appKey, account } }).then(async (r) => {
          const registered =
            r.data?.registerExternalKey?.appKey ?? appKey.trim()

          setAppKey('')
          setAccount('')
          setAccountTyped(false)
          await onRegistered(registered)
        }, answered)
      }}
    >
      <h3 className="t-heading-5 mt0 mb3">{t('registerTitle')}</h3>
      {failure && !fields.length && <Failure failure={failure} change />}
      <div className="flex flex-wrap items-start">
        <div className="w-100 w-50-l pr4-l mb4">
          <TextField
            id="external-key-appkey"
            name="appKey"
            className="w-100"
            label={t('appKey')}
            help={t('appKeyHelp')}
            value={appKey}
            code
            errors={invalid('appKey')}
            onChange={(value) => {
              setAppKey(value)
              // The appKey names its account: fill it in until the admin types one.
              const named = APP_KEY_ACCOUNT.exec(value)

              if (!accountTyped) setAccount(named ? named[1] : '')
            }}
          />
        </div>
        <div className="w-100 w-30-l pr4-l mb4">
          <TextField
            id="external-key-account"
            name="account"
            className="w-100"
            label={t('accountLabel')}
            help={t('accountHelp')}
            value={account}
            code
            errors={invalid('account')}
            onChange={(value) => {
              setAccount(value)
              setAccountTyped(true)
            }}
          />
        </div>
        <div className="w-100 w-20-l mb4 pt5-l">
          <Button
            type="submit"
            variation="primary"
            isLoading={state.loading}
            disabled={!appKey.trim() || !account.trim()}
          >
            {t('register')}
          </Button>
        </div>
      </div>
    </form>
  )
}

const ExternalKeyItem: React.FC<{
  k: ExternalKey
  onRemove: (k: ExternalKey) => void
}> = ({ k, onRemove }) => {
  const t = useText()

  return (
    <li className="pv4 bb b--muted-4" data-external-key={k.appKey}>
      <div className="flex flex-wrap items-start justify-between">
        <div className="mb3">
          {/* named as the key list above names it: its account and the External tag */}
          <span className="db fw6" data-external-key-name>
            <SubjectName
              subjectType="EXTERNAL_KEY"
              subjectId={k.appKey}
              label={k.account}
              linked={false}
            />
          </span>
          <span className="db f7 code c-muted-1 mt1">{k.appKey}</span>
          <span className="db f6 c-muted-1 mt1">
            <FormattedMessage
              id={
                k.addedBy
                  ? 'admin/key-steward.externalKeys.addedBy'
                  : 'admin/key-steward.externalKeys.added'
              }
              values={{
                date: (
                  <FormattedDate
                    value={k.addedDate}
                    year="numeric"
                    month="short"
                    day="numeric"
                  />
                ),
                by: k.addedBy ?? '',
              }}
            />
            {!k.isActive && <> · {t('inactive')}</>}
          </span>
        </div>
        <Button
          size="small"
          variation="danger-tertiary"
          onClick={() => onRemove(k)}
        >
          <span aria-hidden="true">{t('remove')}</span>
          <span style={VISUALLY_HIDDEN}>
            {t('removeAria', { appKey: k.appKey })}
          </span>
        </Button>
      </div>
      <p className="mt0 mb3 f6" data-testid="external-key-roles">
        <span className="c-muted-1">{t('roles')}: </span>
        {!k.rolesKnown ? (
          <span className="c-warning">{t('rolesUnknown')}</span>
        ) : k.roles.length === 0 ? (
          t('noRoles')
        ) : (
          k.roles.map((r, i) => (
            <span key={r.id} className={r.isAdmin ? 'fw6 c-danger' : ''}>
              {i > 0 && ', '}
              {r.name}
            </span>
          ))
        )}
      </p>
      <FindingList findings={k.findings} unknown={!k.rolesKnown} />
    </li>
  )
}

const ExternalKeysPanel: React.FC<{
  /**
   * The message of the error the page around shows already (its key list failed): the panel's
   * own read failing the same way says so in a quiet line, not in a second alert.
   */
  failureShownAbove?: string | null
}> = ({ failureShownAbove }) => {
  const t = useText()
  const { data, loading, error, refetch } = useQuery<
    KeyStewardExternalKeysQuery,
    KeyStewardExternalKeysQueryVariables
  >(EXTERNAL_KEYS, { notifyOnNetworkStatusChange: true })

  const [done, setDone] = useState<{
    id: 'registered' | 'removed'
    appKey: string
  } | null>(null)

  const [removing, setRemoving] = useState<ExternalKey | null>(null)
  const [remove, removal] = useMutation<
    KeyStewardRemoveExternalKeyMutation,
    KeyStewardRemoveExternalKeyMutationVariables
  >(REMOVE)

  const [removeError, setRemoveError] = useState<string | null>(null)
  const keys = data?.inventory?.externalKeys ?? []
  // After a change, read live: the daily scan's copy would not know of it yet. A failed read
  // shows as the panel's error with its Try again (not as an unhandled rejection).
  const reload = () => refetch({ live: true }).catch(() => undefined)

  // The panel needs the same read resources as the API keys page around it, which already says
  // what is missing and who can grant it: a second message and a form VTEX would refuse only
  // get in the way (registering needs those resources too, FIELD_ACCESS in the service).
  if (error && !data && readError(error)?.code === 'FORBIDDEN') return null

  return (
    <section
      id="external-keys"
      aria-labelledby="external-keys-title"
      data-testid="external-keys"
    >
      <PageBlock variation="full">
        <h2 id="external-keys-title" className="t-heading-4 mt0 mb2">
          {t('title')}
        </h2>
        <p className="mt0 mb5 c-muted-1">{t('subtitle')}</p>
        {done && (
          <div className="mb4">
            <Notice
              announce="polite"
              type="success"
              onClose={() => setDone(null)}
            >
              {t(done.id, { appKey: done.appKey })}
            </Notice>
          </div>
        )}
        {loading && !data && (
          <div className="flex items-center pv5" aria-busy="true">
            <Spinner size={24} />
            <span className="ml3 c-muted-1">
              <FormattedMessage id="admin/key-steward.state.loading" />
            </span>
          </div>
        )}
        {error && !data && (
          <>
            {failureShownAbove &&
            readError(error)?.message === failureShownAbove ? (
              <p
                className="mt0 mb4 c-muted-1"
                data-testid="external-keys-failed-above"
              >
                {t('failedAbove')}
              </p>
            ) : (
              <Failure failure={readError(error)!} />
            )}
            <Button
              variation="secondary"
              size="small"
              // the recent copy: a bare refetch() keeps live: true from the last reload
              onClick={() => refetch({ live: false })}
            >
              {t('retry')}
            </Button>
          </>
        )}
        {data &&
          (keys.length === 0 ? (
            <p className="c-muted-1" data-testid="external-keys-empty">
              {t('empty')}
            </p>
          ) : (
            <ul className="list pa0 mt0 mb5" aria-label={t('listLabel')}>
              {keys.map((k) => (
                <ExternalKeyItem
                  key={k.appKey}
                  k={k}
                  onRemove={(x) => {
                    setRemoveError(null)
                    setRemoving(x)
                  }}
                />
              ))}
            </ul>
          ))}
        <RegisterForm
          onRegistered={async (appKey) => {
            setDone({ id: 'registered', appKey })
            await reload()
          }}
        />
      </PageBlock>
      {removing && (
        <ConfirmDialog
          isOpen
          title={t('removeTitle')}
          keyLabel={t('account', { account: removing.account })}
          appKey={removing.appKey}
          effect={<p className="mt0">{t('removeEffect')}</p>}
          confirmLabel={t('remove')}
          dangerous
          loading={removal.loading}
          error={removeError}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const { appKey } = removing

            remove({ variables: { appKey } }).then(
              async () => {
                setRemoving(null)
                setDone({ id: 'removed', appKey })
                await reload()
              },
              (e: ApolloError) => {
                const failure = readError(e)!
                const field = (failure.fields as FieldReason[])[0]

                setRemoveError(
                  field
                    ? explain(t, field)
                    : failure.code === 'FORBIDDEN'
                    ? t('forbidden', {
                        resources: failure.missingResources.join(', '),
                        count: failure.missingResources.length,
                      })
                    : failure.message
                )
              }
            )
          }}
        />
      )}
    </section>
  )
}

export default ExternalKeysPanel

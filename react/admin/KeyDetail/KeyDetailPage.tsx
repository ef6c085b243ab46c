import React, { useState } from 'react'
import { useQuery } from 'react-apollo'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { EmptyState, PageBlock, Tag } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import { useCopyPolicy } from '../apollo/useCopyPolicy'
import { useKeptData } from '../apollo/useKeptData'
import type { ActionResult } from '../actions/KeyActionButton'
import KeyActionButton from '../actions/KeyActionButton'
import { usePermissions } from '../actions/usePermissions'
import { useReadSignal } from '../apollo/readSignal'
import FindingList from '../components/FindingList'
import { RoleTag } from '../components/SeverityBadge'
import Link from '../components/Link'
import OwnershipForm from './OwnershipForm'
import PageFrame, { BASE } from '../components/PageFrame'
import { useQueryFreshness } from '../components/Freshness'
import LiveList from '../components/LiveList'
import KEY_AUDIT from '../graphql/keyAudit.gql'
import KEY_DETAIL from '../graphql/keyDetail.gql'
import type {
  KeyStewardKeyDetailQuery,
  KeyStewardKeyDetailQueryVariables,
} from '../graphql/types.generated'
import type { ApiKey } from '../types'
import { readError } from '../utils/errors'
import AuditLog from './AuditLog'
import TokenRenewalPanel from './TokenRenewalPanel'
import { keysViewHref } from '../utils/urlState'
import { Notice } from '../components/Notice'
import about from './AboutKey.css'

const Field: React.FC<{ label: string; wide?: boolean }> = ({
  label,
  wide,
  children,
}) => (
  <div
    className={wide ? `${about.field} ${about.wide}` : about.field}
    data-about-field={label}
  >
    <dt className="f6 c-muted-1 mb1">
      <FormattedMessage id={`admin/key-steward.key.${label}`} />
    </dt>
    <dd className="ml0 f5">{children}</dd>
  </div>
)

const longDate = (iso: string) => (
  <FormattedDate value={iso} year="numeric" month="long" day="numeric" />
)

/**
 * What the token age counts from, in words that agree with the renewal panel: while a renewal is
 * pending (or may be), the age is that of the token in use, the old one, and the stale warning
 * counts it until the renewal is finished.
 */
export const TokenAgeBasisText: React.FC<{
  apiKey: ApiKey
}> = ({ apiKey }) => {
  const r = apiKey.renewal
  const open = r.status === 'PENDING' || r.status === 'POSSIBLY_PENDING'
  const basisId =
    open && apiKey.tokenAgeBasis === 'KEY_CREATED'
      ? 'tokenAgeBasisPending.KEY_CREATED'
      : `tokenAgeBasis.${apiKey.tokenAgeBasis}`

  return (
    <span className="db f6 c-muted-1" data-testid="token-age-basis">
      <FormattedMessage
        id={`admin/key-steward.key.${basisId}`}
        values={{ date: longDate(apiKey.tokenAgeSince) }}
      />
      {open && r.startedAt && (
        <span className="db mt1" data-testid="token-age-pending">
          <FormattedMessage
            id={`admin/key-steward.key.${
              r.status === 'PENDING'
                ? 'tokenAgePending'
                : 'tokenAgePossiblyPending'
            }`}
            values={{ date: longDate(r.newTokenCreatedAt ?? r.startedAt) }}
          />
        </span>
      )}
    </span>
  )
}

/** An id this account has no key for: say so, and lead back to the list. */
const NotFound: React.FC = () => (
  <PageBlock>
    <EmptyState
      title={<FormattedMessage id="admin/key-steward.key.notFound" />}
    >
      <Link to={keysViewHref(BASE)}>
        <FormattedMessage id="admin/key-steward.key.back" />
      </Link>
    </EmptyState>
  </PageBlock>
)

const KeyDetailPage: React.FC = () => {
  const {
    route: { params },
  } = useRuntime()

  const intl = useIntl()
  const t = (id: string, values?: Record<string, number>) =>
    intl.formatMessage({ id: `admin/key-steward.key.${id}` }, values)

  // This key only, from the recent copy like the lists: not the whole inventory to show one key.
  const variables = { id: params.id }
  const {
    data: answered,
    loading,
    error,
    refetch,
  } = useQuery<KeyStewardKeyDetailQuery, KeyStewardKeyDetailQueryVariables>(
    KEY_DETAIL,
    {
      variables,
      notifyOnNetworkStatusChange: true,
      ...useCopyPolicy(KEY_DETAIL, variables),
    }
  )

  // a live read answered: a change's notice that this page could not be read again goes
  const readLive = useReadSignal(KEY_DETAIL)

  // through a failed re-read (after a renewal: its token's window is on this page)
  const data = useKeptData(answered, params.id)
  const detail = data?.keyDetail
  const key = detail?.key ?? undefined
  const failure = readError(error)
  // An id that cannot be a key's (the service refuses it) is a key this account does not have.
  const badId = failure?.fields.some((f) => f.field === 'id') ?? false
  const { status, reading, reload } = useQueryFreshness(
    detail?.inventory,
    !!detail,
    {
      loading,
      error,
      variables,
      refetch,
    }
  )

  const can = usePermissions()
  // What VTEX showed when the service read the key again after the last action.
  const [result, setResult] = useState<{
    kind: 'deactivate' | 'reactivate' | 'removeRole'
    state: ActionResult
  } | null>(null)

  const refetchAfter = key
    ? [
        { query: KEY_DETAIL, variables },
        { query: KEY_AUDIT, variables: { keyId: key.id } },
      ]
    : []

  const done =
    (kind: 'deactivate' | 'reactivate' | 'removeRole') =>
    (state: ActionResult) =>
      setResult({ kind, state })

  // Back to the list as the admin left it (search, filters, sort, page: the Keys page's URL).
  const back = {
    label: <FormattedMessage id="admin/key-steward.key.back" />,
    to: keysViewHref(BASE),
  }

  return (
    <PageFrame
      section="keys"
      back={back}
      title={
        key ? (
          key.label || <FormattedMessage id="admin/key-steward.keys.noLabel" />
        ) : (
          <FormattedMessage id="admin/key-steward.key.title" />
        )
      }
      subtitle={key?.appKey}
    >
      {badId ? (
        <NotFound />
      ) : (
        <LiveList
          meta={detail?.inventory}
          loading={loading}
          reading={reading}
          status={status}
          error={error}
          onRetry={reload}
          onLive={() => readLive(refetch({ ...variables, live: true }))}
        >
          {!key && <NotFound />}
          {key && (
            <>
              <PageBlock title={t('about')}>
                <dl className={about.about}>
                  <Field label="appKey">
                    <span className="code">{key.appKey}</span>
                  </Field>
                  <Field label="created">
                    <FormattedDate
                      value={key.createdAt}
                      year="numeric"
                      month="long"
                      day="numeric"
                    />
                  </Field>
                  <Field label="status">
                    <Tag
                      size="small"
                      type={key.isActive ? 'success' : undefined}
                    >
                      <FormattedMessage
                        id={`admin/key-steward.keys.status.${
                          key.isActive ? 'active' : 'inactive'
                        }`}
                      />
                    </Tag>
                  </Field>
                  <Field label="age">
                    <span data-testid="key-age">
                      <FormattedMessage
                        id="admin/key-steward.keys.ageDays"
                        values={{ days: key.ageDays }}
                      />
                    </span>
                  </Field>
                  <Field label="tokenAge" wide>
                    <span
                      data-testid="token-age"
                      data-basis={key.tokenAgeBasis}
                    >
                      <FormattedMessage
                        id="admin/key-steward.keys.ageDays"
                        values={{ days: key.tokenAgeDays }}
                      />
                    </span>
                    <TokenAgeBasisText apiKey={key} />
                  </Field>
                </dl>
                <p className="f6 c-muted-1 mt0 mb0" data-testid="age-explained">
                  <FormattedMessage id="admin/key-steward.key.ageExplained" />
                </p>
              </PageBlock>
              <PageBlock title={t('findings', { count: key.findings.length })}>
                <FindingList
                  findings={key.findings}
                  unknown={!key.rolesKnown}
                />
              </PageBlock>
              {result && (
                <div className="mb5" data-testid="action-result">
                  <Notice
                    announce="polite"
                    type={result.state.key ? 'success' : 'warning'}
                    onClose={() => setResult(null)}
                  >
                    {result.state.key ? (
                      <FormattedMessage
                        id={`admin/key-steward.actions.result.${result.kind}`}
                        values={{
                          label:
                            key.label ||
                            intl.formatMessage({
                              id: 'admin/key-steward.keys.noLabel',
                            }),
                          status: intl.formatMessage({
                            id: `admin/key-steward.keys.status.${
                              result.state.key.isActive ? 'active' : 'inactive'
                            }`,
                          }),
                          roles: result.state.key.rolesKnown
                            ? result.state.key.roles
                                .map((r) => r.name)
                                .join(', ') ||
                              intl.formatMessage({
                                id: 'admin/key-steward.keys.noRoles',
                              })
                            : '—',
                        }}
                      />
                    ) : (
                      <FormattedMessage id="admin/key-steward.actions.result.unread" />
                    )}
                    {result.state.outcome === 'APPLIED_DESPITE_ERROR' && (
                      <span className="db">
                        <FormattedMessage id="admin/key-steward.actions.result.appliedDespiteError" />
                      </span>
                    )}
                    {!result.state.audited && (
                      <span className="db">
                        <FormattedMessage id="admin/key-steward.actions.result.notAudited" />
                      </span>
                    )}
                  </Notice>
                </div>
              )}
              <PageBlock
                title={t('renewal')}
                subtitle={intl.formatMessage({
                  id: 'admin/key-steward.key.renewalHelp',
                })}
              >
                <TokenRenewalPanel apiKey={key} can={can} />
              </PageBlock>
              <PageBlock title={t('actions')}>
                <p className="mt0 f6 c-muted-1">
                  <FormattedMessage
                    id={`admin/key-steward.key.actionsHelp.${
                      key.isActive ? 'active' : 'inactive'
                    }`}
                  />
                </p>
                <KeyActionButton
                  kind={key.isActive ? 'deactivate' : 'reactivate'}
                  keyId={key.id}
                  appKey={key.appKey}
                  label={key.label}
                  permission={can(
                    key.isActive ? 'deactivateKey' : 'reactivateKey'
                  )}
                  refetch={refetchAfter}
                  onDone={done(key.isActive ? 'deactivate' : 'reactivate')}
                  detail={
                    // Reactivating brings back whatever token the key has: say how old it is.
                    key.isActive ? undefined : (
                      <p className="mt0" data-testid="reactivate-token-age">
                        <FormattedMessage
                          id="admin/key-steward.actions.reactivate.tokenAge"
                          values={{ days: key.tokenAgeDays }}
                        />
                      </p>
                    )
                  }
                />
              </PageBlock>
              <PageBlock title={t('ownership')}>
                <OwnershipForm
                  key={key.id}
                  keyId={key.id}
                  annotation={key.annotation}
                />
              </PageBlock>
              <PageBlock title={t('roles')}>
                {!key.rolesKnown ? (
                  <p className="c-warning">
                    <FormattedMessage id="admin/key-steward.keys.rolesUnknown" />
                  </p>
                ) : key.roles.length === 0 ? (
                  <p className="c-muted-1">
                    <FormattedMessage id="admin/key-steward.keys.noRoles" />
                  </p>
                ) : (
                  <table className="w-100 collapse">
                    <thead className="bb b--muted-4">
                      <tr>
                        <th scope="col" className="tl pv3 ph3 f6 fw5 c-muted-1">
                          <FormattedMessage id="admin/key-steward.key.role" />
                        </th>
                        <th scope="col" className="tl pv3 ph3 f6 fw5 c-muted-1">
                          <FormattedMessage id="admin/key-steward.key.products" />
                        </th>
                        <th scope="col" className="tl pv3 ph3 f6 fw5 c-muted-1">
                          <span className="clip">
                            <FormattedMessage id="admin/key-steward.key.roleActions" />
                          </span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {key.roles.map((r) => (
                        <tr key={r.id} className="bb b--muted-5">
                          <td className="pv3 ph3">
                            {r.name}
                            {r.isAdmin && (
                              <span className="ml2">
                                <RoleTag
                                  severity={
                                    key.findings.find(
                                      (f) => f.rule === 'owner-role'
                                    )?.severity
                                  }
                                >
                                  <FormattedMessage id="admin/key-steward.users.owner" />
                                </RoleTag>
                              </span>
                            )}
                          </td>
                          <td className="pv3 ph3 f6 c-muted-1">
                            {/* an admin role grants every resource, whatever products VTEX lists */}
                            {r.isAdmin ? (
                              <FormattedMessage id="admin/key-steward.key.productsAll" />
                            ) : (
                              (r.products ?? []).join(', ')
                            )}
                          </td>
                          <td className="pv3 ph3 tr" data-remove-role={r.id}>
                            <KeyActionButton
                              kind="removeRole"
                              size="small"
                              keyId={key.id}
                              appKey={key.appKey}
                              label={key.label}
                              role={{ id: r.id, name: r.name }}
                              permission={can('removeKeyRole')}
                              refetch={refetchAfter}
                              onDone={done('removeRole')}
                            />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </PageBlock>
              <PageBlock title={t('audit')}>
                <AuditLog keyId={key.id} renewal={key.renewal} />
              </PageBlock>
            </>
          )}
        </LiveList>
      )}
    </PageFrame>
  )
}

export default KeyDetailPage

// "Renew token…": confirm (key and effect), renew with the admin's session, show the new token
// once. The answer is read with fetchPolicy "no-cache" so Apollo never keeps it; what the page
// shows afterwards comes from refetched queries, which never carry a token.
import React, { useRef, useState } from 'react'
import type { DocumentNode } from 'graphql'
import { useApolloClient } from 'react-apollo'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

import { copyIsOld } from '../apollo/staleCopies'
import { RereadNotice } from '../components/RereadNotice'
import KEY_DETAIL from '../graphql/keyDetail.gql'
import RENEW from '../graphql/renewToken.gql'
import type {
  KeyStewardRenewTokenMutation,
  KeyStewardRenewTokenMutationVariables,
} from '../graphql/types.generated'
import type { ActionPermission } from '../types'
import { readError } from '../utils/errors'
import ConfirmDialog from './ConfirmDialog'
import NewTokenDialog from './NewTokenDialog'
import PermissionNote from './PermissionNote'
import { useKeyChanged } from './useKeyChanged'

/** A query to read again after an action: a document, or an active query's operation name. */
export type RefetchQuery =
  | { query: DocumentNode; variables?: Record<string, unknown> }
  | string

interface Props {
  keyId: string
  appKey: string
  label: string
  permission?: ActionPermission
  size?: 'small' | 'regular'
  /**
   * Whether to offer the button. The component stays mounted when it is not offered (a renewal
   * is now pending, a decision now carried out), because the new token's window lives here and
   * must survive the page reading its data again.
   */
  offered?: boolean
  /** said in the confirmation besides the effect (e.g. a review row's key keeps its Owner access) */
  warning?: React.ReactNode
}

const RenewTokenButton: React.FC<Props> = ({
  keyId,
  appKey,
  label,
  permission,
  size = 'regular',
  offered = true,
  warning,
}) => {
  const intl = useIntl()
  const client = useApolloClient()
  const keyChanged = useKeyChanged()
  const [confirming, setConfirming] = useState(false)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // A renewal request that failed is not sent again from the same confirmation: VTEX may have
  // started it (503, 502, a timeout: a second one gets 409), or refused it (the same answer again).
  const [answered, setAnswered] = useState(false)
  const [shown, setShown] = useState<{ token: string } | null>(null)
  const [closedToken, setClosedToken] = useState(false)
  // The renewal was made but the page could not be read again: it still offers "Renew token…"
  // and shows no pending renewal, as the other changes' RereadNotice says (attack13 #6).
  const [rereadFailed, setRereadFailed] = useState(false)
  const denied = permission ? !permission.allowed : false
  const opener = useRef<HTMLSpanElement>(null)
  const after = useRef<HTMLParagraphElement>(null)
  // Back to the button that opened the token's window; if the page no longer offers it (the
  // renewal is now pending), to the line that says what comes next.
  const returnFocus = () => {
    const button = opener.current?.querySelector('button')

    if (button) button.focus()
    else after.current?.focus()
  }

  const renew = async () => {
    setLoading(true)
    setError(null)
    setRereadFailed(false)
    try {
      const res = await client.mutate<
        KeyStewardRenewTokenMutation,
        KeyStewardRenewTokenMutationVariables
      >({
        mutation: RENEW,
        variables: { keyId, confirm: appKey },
        fetchPolicy: 'no-cache',
      })

      const token = res.data?.renewToken?.newToken

      setConfirming(false)
      if (token) setShown({ token })
      // What changed (the renewal record, the audit log, a review's decision) is read again by
      // the page's own queries, and the other pages' lists and counts: none carries a token.
      client.reFetchObservableQueries().catch(() => {
        setRereadFailed(true)
        copyIsOld(client, KEY_DETAIL)
      })
      keyChanged()
    } catch (e) {
      setError(readError(e as never)?.message ?? String(e))
      setAnswered(true)
      // The service may have recorded the renewal as possibly pending: the page behind reads it
      // again, so it says so while this dialog explains the failure.
      client.reFetchObservableQueries().catch(() => undefined)
    } finally {
      setLoading(false)
    }
  }

  return (
    <div className={offered || closedToken ? 'dib mr3 v-top' : 'dn'}>
      {!offered && closedToken && (
        <p
          ref={after}
          tabIndex={-1}
          className="f6 c-muted-1 mt0"
          data-testid="after-new-token"
        >
          <FormattedMessage id="admin/key-steward.renewal.newToken.closed" />
        </p>
      )}
      {offered && (
        <>
          <span ref={opener}>
            <Button
              size={size}
              variation="primary"
              disabled={denied}
              onClick={() => {
                setError(null)
                setAnswered(false)
                setConfirming(true)
              }}
            >
              <FormattedMessage id="admin/key-steward.renewal.renew" />
            </Button>
          </span>
          <PermissionNote permission={permission} />
        </>
      )}
      <RereadNotice failed={rereadFailed} />
      <ConfirmDialog
        isOpen={confirming}
        title={intl.formatMessage({
          id: 'admin/key-steward.renewal.confirm.title',
        })}
        keyLabel={label}
        appKey={appKey}
        effect={
          <FormattedMessage id="admin/key-steward.renewal.confirm.effect" />
        }
        confirmLabel={intl.formatMessage({
          id: 'admin/key-steward.renewal.confirm.go',
        })}
        loading={loading}
        error={error}
        closed={answered}
        onConfirm={renew}
        onCancel={() => setConfirming(false)}
      >
        {warning && (
          <p className="mt0 mb4 fw5 c-danger" data-renew-warning>
            {warning}
          </p>
        )}
      </ConfirmDialog>
      {shown && (
        <NewTokenDialog
          token={shown.token}
          keyLabel={label}
          appKey={appKey}
          onClose={() => {
            setShown(null)
            setClosedToken(true)
          }}
          returnFocus={returnFocus}
        />
      )}
    </div>
  )
}

export default RenewTokenButton

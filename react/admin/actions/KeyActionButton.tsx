// An action on a key in VTEX behind a confirmation that names the key and the effect: finish a
// token renewal, deactivate or reactivate the key, remove one role. After VTEX answers, the
// service reads the key again; `onDone` gets what VTEX shows now.
import React, { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

import DEACTIVATE from '../graphql/deactivateKey.gql'
import FINISH from '../graphql/finishTokenRenewal.gql'
import REACTIVATE from '../graphql/reactivateKey.gql'
import REMOVE_ROLE from '../graphql/removeKeyRole.gql'
import type {
  KeyStewardDeactivateKeyMutation,
  KeyStewardDeactivateKeyMutationVariables,
  KeyStewardFinishTokenRenewalMutation,
  KeyStewardFinishTokenRenewalMutationVariables,
  KeyStewardReactivateKeyMutation,
  KeyStewardReactivateKeyMutationVariables,
  KeyStewardRemoveKeyRoleMutation,
  KeyStewardRemoveKeyRoleMutationVariables,
} from '../graphql/types.generated'
import type { ActionPermission } from '../types'
import { readError } from '../utils/errors'
import ConfirmDialog from './ConfirmDialog'
import PermissionNote from './PermissionNote'
import { useKeyChanged } from './useKeyChanged'
import type { RefetchQuery } from './RenewTokenButton'
import { useSettledMutation } from '../apollo/useSettledMutation'
import { RereadNotice } from '../components/RereadNotice'

export type KeyActionKind =
  | 'finish'
  | 'deactivate'
  | 'reactivate'
  | 'removeRole'

const MUTATION = {
  finish: FINISH,
  deactivate: DEACTIVATE,
  reactivate: REACTIVATE,
  removeRole: REMOVE_ROLE,
}

const FIELD = {
  finish: 'finishTokenRenewal',
  deactivate: 'deactivateKey',
  reactivate: 'reactivateKey',
  removeRole: 'removeKeyRole',
} as const

/** The answer of whichever of the four mutations ran (each names its own field). */
type ActionData = Partial<
  KeyStewardFinishTokenRenewalMutation &
    KeyStewardDeactivateKeyMutation &
    KeyStewardReactivateKeyMutation &
    KeyStewardRemoveKeyRoleMutation
>
type ActionVariables =
  | KeyStewardFinishTokenRenewalMutationVariables
  | KeyStewardDeactivateKeyMutationVariables
  | KeyStewardReactivateKeyMutationVariables
  | KeyStewardRemoveKeyRoleMutationVariables

/** What VTEX shows after the action, as the service read it again. */
export type ActionResult = NonNullable<
  ActionData[(typeof FIELD)[KeyActionKind]]
>

interface Props {
  kind: KeyActionKind
  keyId: string
  appKey: string
  label: string
  role?: { id: number; name: string }
  permission?: ActionPermission
  refetch: RefetchQuery[]
  onDone?: (result: ActionResult) => void
  size?: 'small' | 'regular'
  variation?: string
  /** more the dialog says about this key before the admin confirms (e.g. its token's age) */
  detail?: React.ReactNode
}

const KeyActionButton: React.FC<Props> = ({
  kind,
  keyId,
  appKey,
  label,
  role,
  permission,
  refetch,
  onDone,
  size = 'regular',
  variation,
  detail,
}) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage(
      { id: `admin/key-steward.actions.${kind}.${id}` },
      { role: role?.name ?? '' }
    )

  const [confirming, setConfirming] = useState(false)
  // The refetch after an action can replace this button (Deactivate → Reactivate) before the
  // mutation's promise settles: close the dialog only while it is still on the page.
  const mounted = useRef(true)

  useEffect(
    () => () => {
      mounted.current = false
    },
    []
  )
  const [run, state] = useSettledMutation<ActionData, ActionVariables>(
    MUTATION[kind],
    { refetchQueries: refetch }
  )

  const keyChanged = useKeyChanged()
  const failure = readError(state.error)
  const denied = permission ? !permission.allowed : false
  const dangerous = kind !== 'reactivate'

  return (
    <div className="dib v-top">
      <Button
        size={size}
        variation={variation ?? (dangerous ? 'danger-tertiary' : 'secondary')}
        disabled={denied}
        onClick={() => setConfirming(true)}
      >
        {t('button')}
      </Button>
      <PermissionNote permission={permission} />
      <RereadNotice failed={state.rereadFailed} />
      <ConfirmDialog
        isOpen={confirming}
        title={t('title')}
        keyLabel={label}
        appKey={appKey}
        effect={
          <FormattedMessage
            id={`admin/key-steward.actions.${kind}.effect`}
            values={{ role: <strong>{role?.name}</strong> }}
          />
        }
        confirmLabel={t('go')}
        dangerous={dangerous}
        loading={state.loading}
        error={failure?.message ?? null}
        onConfirm={() =>
          run({
            variables: {
              keyId,
              confirm: appKey,
              ...(role ? { roleId: role.id } : {}),
            },
          }).then(
            (res) => {
              // other pages' lists and counts follow the key (their cached answers are stale)
              keyChanged()
              if (mounted.current) setConfirming(false)
              const result = res?.data?.[FIELD[kind]]

              if (result && onDone) onDone(result)
            },
            () => undefined
          )
        }
        onCancel={() => setConfirming(false)}
      >
        {detail}
      </ConfirmDialog>
    </div>
  )
}

export default KeyActionButton

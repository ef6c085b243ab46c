// The confirmation every action in VTEX goes through: it names the key (label and appKey) and
// says what will happen. Nothing is sent before the admin confirms here, and the service checks
// that what was confirmed is this key (the appKey travels as `confirm`).
import React from 'react'
import { useIntl } from 'react-intl'

import Dialog from '../components/Dialog'
import { Notice } from '../components/Notice'

interface Props {
  isOpen: boolean
  title: React.ReactNode
  keyLabel: string
  appKey: string
  effect: React.ReactNode
  confirmLabel: string
  dangerous?: boolean
  loading?: boolean
  error?: string | null
  onConfirm: () => void
  onCancel: () => void
}

/** A modal (components/Dialog): focus starts on Cancel, Tab stays inside, Esc cancels. */
const ConfirmDialog: React.FC<Props> = ({
  isOpen,
  title,
  keyLabel,
  appKey,
  effect,
  confirmLabel,
  dangerous,
  loading,
  error,
  onConfirm,
  onCancel,
  children,
}) => {
  const intl = useIntl()

  return (
    <Dialog
      isOpen={isOpen}
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={intl.formatMessage({
        id: 'admin/key-steward.actions.cancel',
      })}
      dangerous={dangerous}
      loading={loading}
      onConfirm={onConfirm}
      onCancel={onCancel}
      testId="confirm-dialog"
    >
      <p className="mb2">
        <strong>{keyLabel || appKey}</strong>
      </p>
      <p className="mt0 code f6 c-muted-1">{appKey}</p>
      <div className="mb4">{effect}</div>
      {children}
      {error && (
        <div className="mt4">
          <Notice announce="assertive" type="error">
            {error}
          </Notice>
        </div>
      )}
    </Dialog>
  )
}

export default ConfirmDialog

// The confirmation every action in VTEX goes through: it names the key (label and appKey) and
// says what will happen. Nothing is sent before the admin confirms here, and the service checks
// that what was confirmed is this key (the appKey travels as `confirm`).
import React, { useEffect, useRef } from 'react'
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
  /**
   * The action was answered and must not be sent again from here (a renewal VTEX may have
   * started: a second one gets 409): the dialog offers only Close.
   */
  closed?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/**
 * A modal (components/Dialog): focus starts on Cancel, Tab stays inside, Esc cancels. When an
 * error arrives, focus moves to it: the confirm button was disabled while the request ran, which
 * drops the focus out of the dialog (to the page's body).
 */
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
  closed,
  onConfirm,
  onCancel,
  children,
}) => {
  const intl = useIntl()
  const errorRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (error) errorRef.current?.focus()
  }, [error])

  return (
    <Dialog
      isOpen={isOpen}
      title={title}
      confirmLabel={confirmLabel}
      cancelLabel={intl.formatMessage({
        id: closed
          ? 'admin/key-steward.actions.close'
          : 'admin/key-steward.actions.cancel',
      })}
      closeOnly={closed}
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
        <div
          className="mt4"
          ref={errorRef}
          tabIndex={-1}
          data-testid="confirm-error"
        >
          <Notice announce="assertive" type="error">
            {error}
          </Notice>
        </div>
      )}
    </Dialog>
  )
}

export default ConfirmDialog

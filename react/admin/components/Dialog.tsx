// A confirmation in a modal (components/Modal): a title, what it is about, Cancel and the
// action. Focus starts on Cancel, the safe choice; Esc and Cancel close it, and focus goes back
// to what opened it. It renders only while open, so closing it is leaving the page's DOM.
import React from 'react'
import { Button } from 'vtex.styleguide'

import Modal, { useDialogId } from './Modal'

interface Props {
  isOpen: boolean
  title: React.ReactNode
  confirmLabel: string
  cancelLabel: string
  /** the action is over (e.g. answered in a way that must not be sent again): only cancelLabel, as Close */
  closeOnly?: boolean
  dangerous?: boolean
  loading?: boolean
  onConfirm: () => void
  onCancel: () => void
  testId?: string
}

const DialogBody: React.FC<Omit<Props, 'isOpen'>> = ({
  title,
  confirmLabel,
  cancelLabel,
  closeOnly,
  dangerous,
  loading,
  onConfirm,
  onCancel,
  testId,
  children,
}) => {
  const titleId = useDialogId('dialog-title')

  return (
    <Modal labelledBy={titleId} onEscape={onCancel} testId={testId}>
      <h2 id={titleId} className="t-heading-4 mt0">
        {title}
      </h2>
      {children}
      <div className="flex justify-end mt6">
        <span className={closeOnly ? '' : 'mr4'} data-initial-focus>
          <Button
            variation={closeOnly ? 'secondary' : 'tertiary'}
            onClick={onCancel}
          >
            {cancelLabel}
          </Button>
        </span>
        {!closeOnly && (
          <Button
            variation={dangerous ? 'danger' : 'primary'}
            isLoading={loading}
            onClick={onConfirm}
          >
            {confirmLabel}
          </Button>
        )}
      </div>
    </Modal>
  )
}

const Dialog: React.FC<Props> = ({ isOpen, ...props }) =>
  isOpen ? <DialogBody {...props} /> : null

export default Dialog

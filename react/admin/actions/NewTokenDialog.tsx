// The one place a token is ever shown: the answer to renewToken, in this dialog, once. The token
// lives only in the state of the component that asked for it and is dropped when the dialog
// closes; it is never put in Apollo's cache, the URL, storage or a log.
// Closing it loses the token for good, so only "I have saved it, close" closes at once; Esc and
// × first ask. The modal behaviour (focus inside, Tab wraps, starts on Copy, back to where it
// came from with `returnFocus`) is components/Modal's.
import React, { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from 'vtex.styleguide'

import Modal, { focusInside } from '../components/Modal'
import { Notice } from '../components/Notice'

interface Props {
  token: string
  keyLabel: string
  appKey: string
  onClose: () => void
  /** called after the dialog closed, to put focus back on what opened it */
  returnFocus?: () => void
}

const NewTokenDialog: React.FC<Props> = ({
  token,
  keyLabel,
  appKey,
  onClose,
  returnFocus,
}) => {
  const intl = useIntl()
  const [hidden, setHidden] = useState(false)
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const [asking, setAsking] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  // What had the focus when the question was asked: going back (Esc again, "Back to the
  // token") removes the focused button with the question, and focus left on the page's body
  // would escape the dialog (its Esc and Tab handling listen inside it).
  const askedFrom = useRef<HTMLElement | null>(null)

  const ask = (yes: boolean) => {
    if (yes && !asking)
      askedFrom.current = document.activeElement as HTMLElement | null
    setAsking(yes)
  }

  useEffect(() => {
    if (asking) return focusInside(box.current, '[data-ask-initial]')
    const from = askedFrom.current

    if (!from) return
    askedFrom.current = null
    // Esc from "I have saved it, close" removed that button: start again on Copy.
    if (box.current?.contains(from)) from.focus()
    else focusInside(box.current, '[data-initial-focus]')
  }, [asking])

  const copy = () => {
    const clipboard =
      typeof navigator !== 'undefined' ? navigator.clipboard : undefined

    if (!clipboard) return setCopied('failed')
    clipboard.writeText(token).then(
      () => setCopied('yes'),
      () => setCopied('failed')
    )
  }

  const title = intl.formatMessage(
    { id: 'admin/key-steward.renewal.newToken.title' },
    { label: keyLabel || appKey }
  )

  return (
    <Modal
      ref={box}
      labelledBy="new-token-title"
      onEscape={() => ask(!asking)}
      returnFocus={returnFocus}
      testId="new-token-dialog"
    >
      <div className="flex items-start justify-between">
        <h2 id="new-token-title" className="t-heading-4 mt0">
          {title}
        </h2>
        <button
          type="button"
          className="bn bg-transparent pointer f4 c-muted-1"
          aria-label={intl.formatMessage({
            id: 'admin/key-steward.renewal.newToken.dismiss',
          })}
          onClick={() => ask(true)}
        >
          ×
        </button>
      </div>
      <div className="mb4">
        <Notice announce="none" type="warning">
          <FormattedMessage id="admin/key-steward.renewal.newToken.once" />
        </Notice>
      </div>
      <p className="mb2 f6 c-muted-1">
        <FormattedMessage
          id="admin/key-steward.renewal.newToken.appKey"
          values={{ appKey }}
        />
      </p>
      <div className="flex items-center mb3">
        <code
          className="pa3 bg-muted-5 br2 f6 flex-auto"
          style={{ wordBreak: 'break-all' }}
          data-testid="new-token"
          aria-label={intl.formatMessage({
            id: 'admin/key-steward.renewal.newToken.label',
          })}
        >
          {hidden ? '•'.repeat(32) : token}
        </code>
      </div>
      <div className="flex items-center mb4">
        <span className="mr3" data-initial-focus>
          <Button size="small" variation="secondary" onClick={copy}>
            <FormattedMessage id="admin/key-steward.renewal.newToken.copy" />
          </Button>
        </span>
        <Button
          size="small"
          variation="tertiary"
          onClick={() => setHidden(!hidden)}
        >
          <FormattedMessage
            id={
              hidden
                ? 'admin/key-steward.renewal.newToken.show'
                : 'admin/key-steward.renewal.newToken.hide'
            }
          />
        </Button>
        {copied && (
          <span className="ml3 f6" role="status">
            <FormattedMessage
              id={`admin/key-steward.renewal.newToken.copied.${copied}`}
            />
          </span>
        )}
      </div>
      <h3 className="t-heading-6 mb2">
        <FormattedMessage id="admin/key-steward.renewal.newToken.next" />
      </h3>
      <ol className="mt0 pl4 f6 lh-copy">
        <li>
          <FormattedMessage id="admin/key-steward.renewal.newToken.step1" />
        </li>
        <li>
          <FormattedMessage id="admin/key-steward.renewal.newToken.step2" />
        </li>
        <li>
          <FormattedMessage id="admin/key-steward.renewal.newToken.step3" />
        </li>
      </ol>
      {asking ? (
        <div
          role="alertdialog"
          aria-modal="true"
          aria-labelledby="new-token-ask"
          className="mt4 pa4 ba b--danger br2"
          data-testid="new-token-ask"
        >
          <p id="new-token-ask" className="mt0 c-danger">
            <FormattedMessage id="admin/key-steward.renewal.newToken.ask" />
          </p>
          <div className="flex justify-end">
            <span className="mr3" data-ask-initial>
              <Button
                size="small"
                variation="secondary"
                onClick={() => ask(false)}
              >
                <FormattedMessage id="admin/key-steward.renewal.newToken.ask.back" />
              </Button>
            </span>
            <Button size="small" variation="danger" onClick={onClose}>
              <FormattedMessage id="admin/key-steward.renewal.newToken.ask.close" />
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex justify-end mt4">
          <Button variation="primary" onClick={onClose}>
            <FormattedMessage id="admin/key-steward.renewal.newToken.close" />
          </Button>
        </div>
      )}
    </Modal>
  )
}

export default NewTokenDialog

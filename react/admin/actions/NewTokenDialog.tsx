// The one place a token is ever shown: the answer to renewToken, in this dialog, once. The token
// lives only in the state of the component that asked for it and is dropped when the dialog
// closes; it is never put in Apollo's cache, the URL, storage or a log.
import React, { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Alert, Button, Modal } from 'vtex.styleguide'

interface Props {
  token: string
  keyLabel: string
  appKey: string
  onClose: () => void
}

const NewTokenDialog: React.FC<Props> = ({ token, keyLabel, appKey, onClose }) => {
  const intl = useIntl()
  const [hidden, setHidden] = useState(false)
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const copy = () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined
    if (!clipboard) return setCopied('failed')
    clipboard.writeText(token).then(() => setCopied('yes'), () => setCopied('failed'))
  }
  return (
    <Modal
      centered
      isOpen
      onClose={onClose}
      closeOnOverlayClick={false}
      title={intl.formatMessage({ id: 'admin/key-steward.renewal.newToken.title' }, { label: keyLabel || appKey })}
      bottomBar={
        <div className="flex justify-end">
          <Button variation="primary" onClick={onClose}><FormattedMessage id="admin/key-steward.renewal.newToken.close" /></Button>
        </div>
      }
    >
      <div data-testid="new-token-dialog">
        <div className="mb4"><Alert type="warning"><FormattedMessage id="admin/key-steward.renewal.newToken.once" /></Alert></div>
        <p className="mb2 f6 c-muted-1"><FormattedMessage id="admin/key-steward.renewal.newToken.appKey" values={{ appKey }} /></p>
        <div className="flex items-center mb3">
          <code className="pa3 bg-muted-5 br2 f6 flex-auto" style={{ wordBreak: 'break-all' }} data-testid="new-token" aria-label={intl.formatMessage({ id: 'admin/key-steward.renewal.newToken.label' })}>
            {hidden ? '•'.repeat(32) : token}
          </code>
        </div>
        <div className="flex items-center mb4">
          <span className="mr3"><Button size="small" variation="secondary" onClick={copy}><FormattedMessage id="admin/key-steward.renewal.newToken.copy" /></Button></span>
          <Button size="small" variation="tertiary" onClick={() => setHidden(!hidden)}>
            <FormattedMessage id={hidden ? 'admin/key-steward.renewal.newToken.show' : 'admin/key-steward.renewal.newToken.hide'} />
          </Button>
          {copied && <span className="ml3 f6" role="status"><FormattedMessage id={`admin/key-steward.renewal.newToken.copied.${copied}`} /></span>}
        </div>
        <h3 className="t-heading-6 mb2"><FormattedMessage id="admin/key-steward.renewal.newToken.next" /></h3>
        <ol className="mt0 pl4 f6 lh-copy">
          <li><FormattedMessage id="admin/key-steward.renewal.newToken.step1" /></li>
          <li><FormattedMessage id="admin/key-steward.renewal.newToken.step2" /></li>
          <li><FormattedMessage id="admin/key-steward.renewal.newToken.step3" /></li>
        </ol>
      </div>
    </Modal>
  )
}

export default NewTokenDialog

import React, { useState } from 'react'
import { useMutation } from 'react-apollo'
import { FormattedMessage, useIntl } from 'react-intl'
import { Alert, Button, ModalDialog, Textarea } from 'vtex.styleguide'

import COMPLETE from '../graphql/completeReview.gql'
import REVIEW from '../graphql/review.gql'
import { readError } from '../utils/errors'
import type { Review } from './types'

const SignOff: React.FC<{ review: Review }> = ({ review }) => {
  const intl = useIntl()
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const [complete, completing] = useMutation(COMPLETE, { refetchQueries: [{ query: REVIEW }], awaitRefetchQueries: true })
  const failure = readError(completing.error)
  const { keysDecided, keysTotal, practicesClosed, practicesTotal } = review.progress
  const ready = keysDecided === keysTotal && practicesClosed === practicesTotal

  return (
    <div>
      {!ready && <p className="f6 c-muted-1 mt0"><FormattedMessage id="admin/key-steward.review.notReady" values={{ keys: keysTotal - keysDecided, practices: practicesTotal - practicesClosed }} /></p>}
      {failure && <div className="mb4" role="alert"><Alert type="error">{failure.message}</Alert></div>}
      <Button onClick={() => setOpen(true)}><FormattedMessage id="admin/key-steward.review.signOff" /></Button>
      <ModalDialog
        centered
        isOpen={open}
        onClose={() => setOpen(false)}
        confirmation={{
          label: intl.formatMessage({ id: 'admin/key-steward.review.signOffConfirm' }),
          isLoading: completing.loading,
          onClick: () => complete({ variables: { note } }).then(() => setOpen(false), () => setOpen(false)),
        }}
        cancelation={{ label: intl.formatMessage({ id: 'admin/key-steward.review.cancel' }), onClick: () => setOpen(false) }}
      >
        <h2 className="t-heading-4 mt0"><FormattedMessage id="admin/key-steward.review.signOffTitle" /></h2>
        <p><FormattedMessage id="admin/key-steward.review.signOffText" values={{ keys: keysTotal }} /></p>
        <Textarea label={intl.formatMessage({ id: 'admin/key-steward.review.signOffNote' })} value={note} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)} />
      </ModalDialog>
    </div>
  )
}

export default SignOff

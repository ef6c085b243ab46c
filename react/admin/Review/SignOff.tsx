// Sign-off: the button says what remains (practice names in the admin's language, from the
// codes the service returns); the confirmation states the true counts of what is signed.
import React, { useEffect, useRef, useState } from 'react'
import { useMutation } from 'react-apollo'
import { FormattedMessage, useIntl } from 'react-intl'
import { Alert, Button, ModalDialog, Textarea } from 'vtex.styleguide'

import COMPLETE from '../graphql/completeReview.gql'
import REVIEW from '../graphql/review.gql'
import HISTORY from '../graphql/reviewHistory.gql'
import type {
  KeyStewardCompleteReviewMutation,
  KeyStewardCompleteReviewMutationVariables,
} from '../graphql/types.generated'
import { readError } from '../utils/errors'
import type { Review } from './types'

/** Every query whose answer a sign-off changes: the page, the banner, the overview. */
const AFTER_SIGN_OFF = [
  { query: REVIEW },
  { query: HISTORY },
  'KeyStewardReminders',
  'KeyStewardOverview',
]

const SignOff: React.FC<{ review: Review; onSigned: (id: string) => void }> = ({
  review,
  onSigned,
}) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, unknown>) =>
    intl.formatMessage(
      { id: `admin/key-steward.review.${id}` },
      values as never
    )

  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const mounted = useRef(true)

  useEffect(
    () => () => {
      mounted.current = false
    },
    []
  )
  const [complete, completing] = useMutation<
    KeyStewardCompleteReviewMutation,
    KeyStewardCompleteReviewMutationVariables
  >(COMPLETE, {
    refetchQueries: AFTER_SIGN_OFF,
    awaitRefetchQueries: true,
  })

  const failure = readError(completing.error)
  const {
    keysDecided,
    keysTotal,
    practicesTotal,
    openPractices,
    decisionCounts,
  } = review.progress

  const undecided = keysTotal - keysDecided
  const ready = undecided === 0 && openPractices.length === 0
  const names = openPractices.map((p) =>
    intl.formatMessage({ id: `admin/key-steward.practice.${p}` })
  )

  const list = (items: string[]) => items.join(', ')
  const checks = (status: string) =>
    review.checklist.filter((c) => c.status === status).length

  return (
    <div data-sign-off data-ready={ready}>
      {!ready && (
        <p className="f6 mt0" data-remaining>
          {undecided > 0 && (
            <span className="db">
              <FormattedMessage
                id="admin/key-steward.review.remainingKeys"
                values={{ count: undecided }}
              />
            </span>
          )}
          {names.length > 0 && (
            <span className="db">
              <FormattedMessage
                id="admin/key-steward.review.remainingPractices"
                values={{ count: names.length, names: list(names) }}
              />
            </span>
          )}
        </p>
      )}
      {failure && (
        <div className="mb4" role="alert">
          <Alert type="error">{failure.message}</Alert>
        </div>
      )}
      <Button onClick={() => setOpen(true)} disabled={!ready}>
        {ready ? (
          <FormattedMessage id="admin/key-steward.review.signOff" />
        ) : (
          <FormattedMessage
            id="admin/key-steward.review.signOffAfter"
            values={{
              what: list([
                ...(undecided
                  ? [t('undecidedKeys', { count: undecided })]
                  : []),
                ...names,
              ]),
            }}
          />
        )}
      </Button>
      <ModalDialog
        centered
        isOpen={open}
        onClose={() => setOpen(false)}
        confirmation={{
          label: intl.formatMessage({
            id: 'admin/key-steward.review.signOffConfirm',
          }),
          isLoading: completing.loading,
          onClick: () =>
            complete({ variables: { note } }).then(
              () => {
                // The page swaps this review for the completed one: close first, then hand over.
                if (mounted.current) setOpen(false)
                onSigned(review.id)
              },
              () => {
                if (mounted.current) setOpen(false)
              }
            ),
        }}
        cancelation={{
          label: intl.formatMessage({ id: 'admin/key-steward.review.cancel' }),
          onClick: () => setOpen(false),
        }}
      >
        <h2 className="t-heading-4 mt0">
          <FormattedMessage id="admin/key-steward.review.signOffTitle" />
        </h2>
        <p data-sign-off-counts>
          <FormattedMessage
            id="admin/key-steward.review.signOffCounts"
            values={{
              keys: keysTotal,
              decisions: list(
                decisionCounts
                  .filter((c) => c.count > 0)
                  .map(
                    (c) =>
                      `${c.count} ${t(`decision.${c.decision}`).toLowerCase()}`
                  )
              ),
              practices: practicesTotal,
              done: checks('DONE'),
              na: checks('NOT_APPLICABLE'),
            }}
          />
        </p>
        <p>
          <FormattedMessage
            id="admin/key-steward.review.signOffText"
            values={{ keys: keysTotal }}
          />
        </p>
        <Textarea
          label={intl.formatMessage({
            id: 'admin/key-steward.review.signOffNote',
          })}
          value={note}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
            setNote(e.target.value)
          }
        />
      </ModalDialog>
    </div>
  )
}

export default SignOff

// Sign-off: a short button, and beside it the list of what remains (practice names in the
// admin's language, from the codes the service returns), which describes the button
// (aria-describedby); the confirmation states the true counts of what is signed.
import React, { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, Textarea } from 'vtex.styleguide'

import Dialog from '../components/Dialog'
import { useAriaAttributes } from '../components/useAriaAttributes'
import COMPLETE from '../graphql/completeReview.gql'
import REVIEW from '../graphql/review.gql'
import HISTORY from '../graphql/reviewHistory.gql'
import type {
  KeyStewardCompleteReviewMutation,
  KeyStewardCompleteReviewMutationVariables,
} from '../graphql/types.generated'
import { readError } from '../utils/errors'
import type { Review } from './types'
import { Notice } from '../components/Notice'
import { requestShowDecided } from './showRequest'
import { useSettledMutation } from '../apollo/useSettledMutation'
import { RereadNotice } from '../components/RereadNotice'

/** Every query whose answer a sign-off changes: the page, the banner, the overview. */
const AFTER_SIGN_OFF = [
  { query: REVIEW },
  { query: HISTORY },
  'KeyStewardReminders',
  'KeyStewardOverview',
  'KeyStewardLastCompletedReview',
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
  const button = useRef<HTMLButtonElement>(null)

  useEffect(
    () => () => {
      mounted.current = false
    },
    []
  )
  const [complete, completing] = useSettledMutation<
    KeyStewardCompleteReviewMutation,
    KeyStewardCompleteReviewMutationVariables
  >(COMPLETE, {
    refetchQueries: AFTER_SIGN_OFF,
  })

  const failure = readError(completing.error)
  const {
    keysDecided,
    keysTotal,
    practicesTotal,
    openPractices,
    decisionCounts,
    criticalChangesPending,
    keptWithoutReason,
    keptWithoutReasonKeys,
    keptExposed,
    keptCritical,
  } = review.progress

  const keptKeys = keptWithoutReasonKeys ?? []

  const undecided = keysTotal - keysDecided
  // the service refuses to sign while a key kept without a reason has turned risky: say it here
  const ready =
    undecided === 0 && openPractices.length === 0 && keptWithoutReason === 0

  const names = openPractices.map((p) =>
    intl.formatMessage({ id: `admin/key-steward.practice.${p}` })
  )

  const list = (items: string[]) => items.join(', ')
  const checks = (status: string) =>
    review.checklist.filter((c) => c.status === status).length

  const remainingId = `sign-off-remaining-${review.id}`

  useAriaAttributes(button, {
    'aria-describedby': ready ? null : remainingId,
  })

  return (
    <div data-sign-off data-ready={ready}>
      {failure && (
        <div className="mb4">
          <Notice announce="assertive" type="error">
            {failure.message}
          </Notice>
        </div>
      )}
      <div className="flex flex-wrap items-start">
        <div className="mr5 mb3">
          <Button ref={button} onClick={() => setOpen(true)} disabled={!ready}>
            <FormattedMessage id="admin/key-steward.review.signOff" />
          </Button>
          <RereadNotice failed={completing.rereadFailed} />
        </div>
        {!ready && (
          <div
            id={remainingId}
            className="f6 c-on-base mb3"
            style={{ maxWidth: '36rem' }}
            data-remaining
          >
            <p className="mt0 mb2 fw5">
              <FormattedMessage id="admin/key-steward.review.signOffFinish" />
            </p>
            <ul className="mv0 pl4 lh-copy">
              {undecided > 0 && (
                <li>
                  <FormattedMessage
                    id="admin/key-steward.review.remainingKeys"
                    values={{ count: undecided }}
                  />
                </li>
              )}
              {keptWithoutReason > 0 && (
                <li data-kept-without-reason={keptWithoutReason}>
                  <FormattedMessage
                    id="admin/key-steward.review.remainingKeptWithoutReason"
                    values={{ count: keptWithoutReason }}
                  />
                  {/* which keys (the first five), and a way to them in the table */}
                  {keptKeys.length > 0 && (
                    <span className="db mt1" data-kept-without-reason-keys>
                      {t('keptWithoutReasonNamed', {
                        names: list(keptKeys.map((k) => k.label)),
                        more: Math.max(0, keptWithoutReason - keptKeys.length),
                      })}
                    </span>
                  )}
                  <span className="db mt1">
                    <Button
                      size="small"
                      variation="tertiary"
                      onClick={requestShowDecided}
                    >
                      <span data-show-kept-without-reason>
                        {t('showKeptWithoutReason')}
                      </span>
                    </Button>
                  </span>
                </li>
              )}
              {names.length > 0 && (
                <li>
                  <FormattedMessage
                    id="admin/key-steward.review.remainingPractices"
                    values={{ count: names.length, names: list(names) }}
                  />
                </li>
              )}
            </ul>
          </div>
        )}
      </div>
      <Dialog
        isOpen={open}
        title={<FormattedMessage id="admin/key-steward.review.signOffTitle" />}
        confirmLabel={intl.formatMessage({
          id: 'admin/key-steward.review.signOffConfirm',
        })}
        cancelLabel={intl.formatMessage({
          id: 'admin/key-steward.review.cancel',
        })}
        loading={completing.loading}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          complete({ variables: { note } }).then(
            () => {
              // The page swaps this review for the completed one: close first, then hand over.
              if (mounted.current) setOpen(false)
              onSigned(review.id)
            },
            () => {
              if (mounted.current) setOpen(false)
            }
          )
        }
      >
        <p data-sign-off-counts>
          <FormattedMessage
            id="admin/key-steward.review.signOffCounts"
            values={{
              keys: keysTotal,
              // "3 to keep, 1 to deactivate": a phrase per decision (a plain list: the react-intl
              // the Admin provides may predate formatList, and older browsers lack Intl.ListFormat)
              decisions: list(
                decisionCounts
                  .filter((c) => c.count > 0)
                  .map((c) =>
                    t(`signOffDecision.${c.decision}`, { count: c.count })
                  )
              ),
              practices: practicesTotal,
              // the date, as the success notice after it gives it (not "after the cadence")
              dated: review.nextDueIfSignedNow ? 'yes' : 'no',
              date: review.nextDueIfSignedNow
                ? intl.formatDate(review.nextDueIfSignedNow, {
                    year: 'numeric',
                    month: 'long',
                    day: 'numeric',
                  })
                : '',
              // "7 done" rather than "7 done, 0 not applicable": zero counts are left out
              checks: list(
                (['DONE', 'NOT_APPLICABLE'] as const)
                  .filter((s) => checks(s) > 0)
                  .map((s) => t(`signOffCheck.${s}`, { count: checks(s) }))
              ),
            }}
          />
        </p>
        {/* Rotate, Reduce roles or Deactivate on an Owner key is only a plan until carried out. */}
        {criticalChangesPending > 0 && (
          <p className="fw5 c-danger" data-sign-off-critical>
            <FormattedMessage
              id="admin/key-steward.review.signOffCritical"
              values={{ count: criticalChangesPending }}
            />
          </p>
        )}
        {/* kept keys with a CRITICAL finding stay as they are: the completed review gives the
            same count (keptCriticalAtSignOff) */}
        {(keptCritical ?? 0) > 0 && (
          <p className="fw5 c-danger" data-sign-off-kept-critical>
            {t('signOffKeptCritical', { count: keptCritical })}
          </p>
        )}
        {/* a kept key whose token was found exposed (kept with a justification, so not a
            blocker) stays in use as it is: signing does not rotate it */}
        {(keptExposed ?? 0) > 0 && (
          <p className="fw5 c-danger" data-sign-off-kept-exposed>
            {t('signOffKeptExposed', { count: keptExposed })}
          </p>
        )}
        <Textarea
          label={intl.formatMessage({
            id: 'admin/key-steward.review.signOffNote',
          })}
          value={note}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
            setNote(e.target.value)
          }
        />
      </Dialog>
    </div>
  )
}

export default SignOff

import React, { useEffect, useRef, useState } from 'react'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { Button, Textarea } from 'vtex.styleguide'

import Link from '../components/Link'
import { BASE } from '../components/PageFrame.constants'
import { ScanStatus, useScanRun } from '../components/ScanStatus'
import { opensKeyPages } from '../actions/opensKeyPages'
import { usePermissions } from '../actions/usePermissions'
import CHECK from '../graphql/checkPractice.gql'
import REVIEW from '../graphql/review.gql'
import RUN_SCAN from '../graphql/runLeakScan.gql'
import type {
  KeyStewardCheckPracticeMutation,
  KeyStewardCheckPracticeMutationVariables,
  KeyStewardRunLeakScanMutation,
  KeyStewardRunLeakScanMutationVariables,
} from '../graphql/types.generated'
import { readError } from '../utils/errors'
import type { CheckStatus, ChecklistItem } from './types'
import { useSettledMutation } from '../apollo/useSettledMutation'
import { RereadNotice } from '../components/RereadNotice'
import Select from '../components/Select'
import { useAriaAttributes } from '../components/useAriaAttributes'

const STATUSES: CheckStatus[] = ['OPEN', 'DONE', 'NOT_APPLICABLE']

/**
 * The storefront scan NO_CLIENT_SIDE needs, run from the review. The caller keeps the status
 * line (ScanStatus) where it stays after the scan: the note holding the button goes once a scan
 * ran in the review.
 */
export function useRunScan() {
  const [run, running] = useSettledMutation<
    KeyStewardRunLeakScanMutation,
    KeyStewardRunLeakScanMutationVariables
  >(RUN_SCAN, {
    // the scan may raise findings on the review's keys: the table and its counts show them
    refetchQueries: [
      { query: REVIEW },
      'KeyStewardReviewDecisions',
      'KeyStewardReviewCount',
      // the Exposure page and the Overview show the latest scan (read when shown again)
      'KeyStewardLeakScan',
      'KeyStewardOverview',
    ],
  })

  return {
    ...useScanRun(run),
    loading: running.loading,
    rereadFailed: running.rereadFailed,
    failure: readError(running.error),
  }
}

export type ScanRun = ReturnType<typeof useRunScan>

/** "Run scan now", and why it failed. */
export const RunScan: React.FC<{ scan: ScanRun }> = ({ scan }) => (
  <span className="db mt2">
    <span data-run-scan>
      <Button
        size="small"
        variation="secondary"
        isLoading={scan.loading}
        onClick={() => scan.start()}
      >
        <FormattedMessage id="admin/key-steward.review.runScanNow" />
      </Button>
    </span>
    {scan.failure && (
      <span className="db c-danger f6 mt1" role="alert">
        {scan.failure.message}
      </span>
    )}
    <RereadNotice failed={scan.rereadFailed} />
  </span>
)

/** The value the service gives an evidence line that has no figure (node/domain/review/checklist.ts). */
const NO_FIGURE = '—'

/** Evidence lines whose figure is "n/max" (checklist.ts), worded as a sentence part. */
const RATIO_WORDED: Record<string, string> = {
  activeWithinRotation:
    'admin/key-steward.review.evidence.figure.activeWithinRotation',
  ownerUsers: 'admin/key-steward.review.evidence.figure.ownerUsers',
}

/**
 * The key list on the keys an evidence line counts, named by the review and the line: the service
 * works them out (keyList's evidence). A list of ids would not fit a link at 5,000 keys.
 */
export const evidenceHref = (reviewId: string, evidenceId: string) =>
  `${BASE}/keys?evidence=${encodeURIComponent(
    evidenceId
  )}&review=${encodeURIComponent(reviewId)}`

const EvidenceLines: React.FC<{
  item: ChecklistItem
  reviewId: string
  /** false: the session cannot open the key list (an auditor), so the count is text */
  linked?: boolean
}> = ({ item, reviewId, linked = true }) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/key-steward.${id}` })

  // "5/3" read as a fraction: "5 (at most 3 recommended)", "40 of 48"
  const figure = (e: { id: string; value: string }) => {
    const ratio = /^(\d+)\/(\d+)$/.exec(e.value)

    if (ratio && RATIO_WORDED[e.id])
      return intl.formatMessage(
        { id: RATIO_WORDED[e.id] },
        { n: Number(ratio[1]), max: Number(ratio[2]) }
      )

    // a count, grouped as the locale writes it (1,269; 1.269)
    return /^\d+$/.test(e.value) ? intl.formatNumber(Number(e.value)) : e.value
  }

  return (
    <ul className="list pa0 ma0 f6">
      {item.evidence.map((e) => (
        <li key={e.id} className="mb1" data-evidence={e.id}>
          <span aria-hidden="true" className={e.ok ? 'c-success' : 'c-danger'}>
            {e.ok ? '✔' : '✖'}{' '}
          </span>
          <span className="clip">
            {t(e.ok ? 'review.evidenceOk' : 'review.evidenceNotOk')}
          </span>
          <FormattedMessage id={`admin/key-steward.review.evidence.${e.id}`} />
          {/* "—" is no figure (e.g. no scan yet): the line is a sentence, not "label: —" */}
          {e.value !== NO_FIGURE && (
            <>
              : <strong>{figure(e)}</strong>
            </>
          )}
          {e.keyCount > 0 && !linked && (
            <span data-evidence-count={e.keyCount}>
              {' · '}
              <FormattedMessage
                id="admin/key-steward.review.keysCounted"
                values={{ count: e.keyCount }}
              />
            </span>
          )}
          {e.keyCount > 0 && linked && (
            <>
              {' · '}
              {/* underlined: a link in a line of text is told apart by more than colour (axe) */}
              <Link
                className="c-link hover-c-link-hover underline"
                to={evidenceHref(reviewId, e.id)}
              >
                <FormattedMessage
                  id="admin/key-steward.review.showKeys"
                  values={{ count: e.keyCount }}
                />
              </Link>
            </>
          )}
        </li>
      ))}
    </ul>
  )
}

/**
 * When a practice was checked, written as the review's other dates ("November 26, 2026"):
 * react-intl 3 drops `dateStyle` (it showed 11/26/2026 beside them) and an ISO slice is no
 * date an admin reads in pt or es.
 */
const CheckedOn: React.FC<{ at: string }> = ({ at }) => (
  <FormattedDate value={at} year="numeric" month="long" day="numeric" />
)

/** A completed review's checklist: status, evidence and notes, nothing to change. */
export const ReadOnlyChecklist: React.FC<{
  items: ChecklistItem[]
  reviewId: string
}> = ({ items, reviewId }) => {
  // an auditor reads the review, not the key list its evidence links lead to
  const linked = opensKeyPages(usePermissions())

  return (
    <ul className="list pa0 ma0">
      {items.map((item) => (
        <li
          key={item.practice}
          className="pv4 bb b--muted-4"
          data-practice={item.practice}
          data-status={item.status}
        >
          <h3 className="t-heading-5 mt0 mb2">
            <FormattedMessage
              id={`admin/key-steward.practice.${item.practice}`}
            />{' '}
            ·{' '}
            <FormattedMessage
              id={`admin/key-steward.review.check.${item.status}`}
            />
          </h3>
          {item.attested ? (
            <p className="f6 c-muted-1 mt0">
              <FormattedMessage id="admin/key-steward.review.attested" />
            </p>
          ) : (
            <EvidenceLines item={item} reviewId={reviewId} linked={linked} />
          )}
          {item.note && (
            <p className="f6 mt2 mb1" data-note>
              <FormattedMessage
                id="admin/key-steward.review.noteIs"
                values={{ note: item.note }}
              />
            </p>
          )}
          <CheckedBy item={item} className="mv0" />
        </li>
      ))}
    </ul>
  )
}

/** Who checked a practice and when (read-only and open checklists alike). */
const CheckedBy: React.FC<{
  item: { checkedBy?: string | null; checkedAt?: string | null }
  className: string
}> = ({ item, className }) =>
  item.checkedBy ? (
    <p className={`f7 c-muted-2 ${className}`}>
      <FormattedMessage
        id="admin/key-steward.review.checkedBy"
        values={{
          who: item.checkedBy,
          when: item.checkedAt ? <CheckedOn at={item.checkedAt} /> : '',
        }}
      />
    </p>
  ) : null

const Item: React.FC<{
  item: ChecklistItem
  reviewId: string
  /** just saved: the item was drawn anew from the refetched review, focus its heading */
  focusHeading?: boolean
  onSaved?: () => void
}> = ({ item, reviewId, focusHeading, onSaved }) => {
  const intl = useIntl()
  const heading = useRef<HTMLHeadingElement>(null)
  // Each practice's "Save" is described by the practice's name, as the rows' are by their key's.
  const nameId = `review-practice-name-${item.practice}`
  const saveButton = useRef<HTMLButtonElement>(null)

  useAriaAttributes(saveButton, { 'aria-describedby': nameId })

  // After a save the item is drawn anew (its key holds the saved status and note) and its Save
  // is disabled until the next change: keyboard users would be left on the page's body.
  useEffect(() => {
    if (focusHeading) heading.current?.focus()
  }, [focusHeading])
  const t = (id: string, values?: Record<string, string>) =>
    intl.formatMessage({ id: `admin/key-steward.${id}` }, values)

  const [status, setStatus] = useState<CheckStatus>(item.status)
  const [note, setNote] = useState(item.note)
  const [save, saving] = useSettledMutation<
    KeyStewardCheckPracticeMutation,
    KeyStewardCheckPracticeMutationVariables
  >(CHECK, {
    refetchQueries: [{ query: REVIEW }],
  })

  const failure = readError(saving.error)
  const dirty = status !== item.status || note !== item.note
  // A refusal puts focus where the admin acts on it, as the decision row does: the note it asks
  // for, else the message (Save, under focus, is disabled while saving and the browser drops it).
  const noteInput = useRef<HTMLTextAreaElement>(null)
  const refusal = useRef<HTMLParagraphElement>(null)
  const scan = useRunScan()

  return (
    <li
      className="pv4 bb b--muted-4"
      data-practice={item.practice}
      data-status={item.status}
    >
      <div className="flex items-start justify-between flex-wrap">
        <div className="w-100 w-50-l pr5">
          <h3
            ref={heading}
            id={nameId}
            tabIndex={-1}
            className="t-heading-5 mt0 mb3"
          >
            <FormattedMessage
              id={`admin/key-steward.practice.${item.practice}`}
            />
          </h3>
          <p className="mt0 mb3 c-muted-1 f6">
            <FormattedMessage
              id={`admin/key-steward.review.practiceHelp.${item.practice}`}
            />
          </p>
          {item.attested ? (
            <p className="f6 c-warning mt0">
              <FormattedMessage id="admin/key-steward.review.attested" />
            </p>
          ) : (
            <EvidenceLines item={item} reviewId={reviewId} />
          )}
          {item.doneNeeds === 'ADVERSE_NOTE' && (
            <p className="f6 c-warning mt2 mb0" data-done-needs="ADVERSE_NOTE">
              <FormattedMessage id="admin/key-steward.review.needsAdverseNote" />
            </p>
          )}
          {item.doneNeeds === 'FRESH_SCAN' && (
            <div className="f6 c-warning mt2" data-done-needs="FRESH_SCAN">
              <FormattedMessage id="admin/key-steward.review.needsFreshScan" />
              <RunScan scan={scan} />
            </div>
          )}
          {(item.doneNeeds === 'FRESH_SCAN' || scan.state.phase !== 'idle') && (
            <ScanStatus
              state={scan.state}
              statusRef={scan.statusRef}
              className="f6"
            />
          )}
          <CheckedBy item={item} className="mb0" />
        </div>
        <form
          className="w-100 w-50-l"
          aria-label={t(`practice.${item.practice}`)}
          onSubmit={(e) => {
            e.preventDefault()
            save({
              variables: { practice: item.practice, status, note },
            }).then(
              () => onSaved?.(),
              (err: unknown) => {
                const read = readError(err as Parameters<typeof readError>[0])

                // after the render that shows the error (the field's message, or the alert)
                setTimeout(() => {
                  if (read?.fields.some((f) => f.field === 'note'))
                    noteInput.current?.focus()
                  else refusal.current?.focus()
                })
              }
            )
          }}
        >
          <div className="mb3">
            <Select
              label={t('review.status')}
              value={status}
              options={STATUSES.map((s) => ({
                value: s,
                label: t(`review.check.${s}`),
              }))}
              onChange={(_: unknown, v: CheckStatus) => setStatus(v)}
            />
          </div>
          <div className="mb3">
            <Textarea
              ref={noteInput}
              label={t('review.note')}
              value={note}
              rows={2}
              errorMessage={
                failure?.fields.some((f) => f.field === 'note')
                  ? t(
                      item.adverse && !item.attested
                        ? 'review.adverseNoteNeeded'
                        : 'review.noteNeeded'
                    )
                  : undefined
              }
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                setNote(e.target.value)
              }
            />
          </div>
          {failure && !failure.fields.length && (
            <p ref={refusal} tabIndex={-1} className="c-danger f6" role="alert">
              {failure.message}
            </p>
          )}
          {failure?.fields.some((f) => f.field === 'status') && (
            <p ref={refusal} tabIndex={-1} className="c-danger f6" role="alert">
              <FormattedMessage id="admin/key-steward.review.needsFreshScan" />
            </p>
          )}
          <Button
            ref={saveButton}
            type="submit"
            size="small"
            variation="secondary"
            disabled={!dirty}
            isLoading={saving.loading}
          >
            <FormattedMessage id="admin/key-steward.review.saveCheck" />
          </Button>
          <RereadNotice failed={saving.rereadFailed} />
        </form>
      </div>
    </li>
  )
}

const Checklist: React.FC<{ items: ChecklistItem[]; reviewId: string }> = ({
  items,
  reviewId,
}) => {
  const [saved, setSaved] = useState<{ practice: string } | null>(null)

  return (
    <ul className="list pa0 ma0">
      {items.map((i) => (
        <Item
          key={`${i.practice}-${i.status}-${i.note}`}
          item={i}
          reviewId={reviewId}
          focusHeading={saved?.practice === i.practice}
          onSaved={() => setSaved({ practice: i.practice })}
        />
      ))}
    </ul>
  )
}

export default Checklist

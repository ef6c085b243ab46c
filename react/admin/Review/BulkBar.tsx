// One decision for many keys: the selected rows, or every key matching the table's filter (the
// server applies the filter when it writes, so a colleague's decisions in between are kept).
// "Keep every key without findings" is confirmed with its count. A refusal names the keys it is
// about and counts them all.
// Keeping or rotating keys with a CRITICAL finding leaves their critical access in place, so a
// selection that includes any is confirmed first, in a dialog that says how many. Rotate or
// Deactivate on a selection with keys of other accounts is refused before that dialog: the
// service would refuse it after the admin confirmed.
import React, { useEffect, useRef, useState } from 'react'
import { useApolloClient, useQuery } from 'react-apollo'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button, Input } from 'vtex.styleguide'

import COUNT from '../graphql/reviewCount.gql'
import REVIEW from '../graphql/review.gql'
import type {
  KeyStewardReviewCountQuery,
  KeyStewardReviewCountQueryVariables,
  KeyStewardReviewQuery,
} from '../graphql/types.generated'
import Dialog from '../components/Dialog'
import { useAriaAttributes } from '../components/useAriaAttributes'
import { readError } from '../utils/errors'
import type { Decision, DecisionFilter } from './types'
import { DECISIONS } from './types'
import { decisionOptions } from './decisionOptions'
import { useExternalInSelection } from './useExternalInSelection'
import {
  CRITICAL_KEYS,
  KEEP_NEEDS_JUSTIFICATION,
  useCountInSelection,
} from './useCountInSelection'
import { useDecide } from './useDecide'
import { Notice } from '../components/Notice'
import { RunScan, useRunScan } from './Checklist'
import { ScanStatus } from '../components/ScanStatus'
import { scannedDuring } from './scanFirst'
import { shownText } from '../graphql/shownText.generated'
import { useRereadByName } from '../apollo/useRereadByName'
import { RereadNotice } from '../components/RereadNotice'
import Select from '../components/Select'

/** Decisions that leave a key's roles as they are: confirmed when critical keys are selected. */
const LEAVES_ACCESS: Decision[] = ['KEEP', 'ROTATE']

export type Selection = { kind: 'ids'; ids: string[] } | { kind: 'matching' }

/** The two fields: a column gap wider than a word space, a row gap when they wrap. */
const FIELDS: React.CSSProperties = { columnGap: '2rem', rowGap: '1rem' }
/** Wide enough for the decision names; the label wraps inside it rather than running on. */
const DECISION_FIELD: React.CSSProperties = {
  flex: '0 1 16rem',
  minWidth: '12rem',
}

const JUSTIFICATION_FIELD: React.CSSProperties = {
  flex: '1 1 20rem',
  minWidth: '14rem',
}

/** One bulk bar per page: the help under the justification, named by the input's aria-describedby. */
const JUSTIFICATION_HELP = 'bulk-justification-help'
/** Why the Decide button is disabled, named by its aria-describedby: no key selected … */
const SELECTED_COUNT = 'bulk-selected-count'
/** … or no decision chosen. */
const CHOOSE_DECISION = 'bulk-choose-decision'

const HEALTHY: DecisionFilter = { status: 'UNDECIDED', withoutFindings: true }

/**
 * The keys a refusal names (extensions.keys), for the admin to find them, and how many there are
 * (extensions.keysTotal): a formatted error keeps at most 200 items of a list.
 */
function refusedKeys(error: unknown): {
  keys: Array<{ id: string; label?: string }>
  total: number
} {
  const ext = (
    error as {
      graphQLErrors?: Array<{
        extensions?: {
          keys?: Array<{ id: string; label?: string }>
          keysTotal?: number
        }
      }>
    }
  )?.graphQLErrors?.[0]?.extensions

  const keys = ext?.keys ?? []

  return { keys, total: Math.max(ext?.keysTotal ?? 0, keys.length) }
}

/** How many refused keys the notice names; the rest are counted. */
const NAMED = 10

interface Props {
  selection: Selection
  count: number
  filter: DecisionFilter
  /** ids of the keys seen with a CRITICAL finding */
  critical: ReadonlySet<string>
  /** ids of the keys seen that need a justification to keep (ReviewKey.risky) */
  risky: ReadonlySet<string>
  /** names of the keys of other accounts seen, by id */
  external: ReadonlyMap<string, string>
  onDone: (changed: number, decision: Decision) => void
  onClear: () => void
}

const BulkBar: React.FC<Props> = ({
  selection,
  count,
  filter,
  critical,
  risky,
  external,
  onDone,
  onClear,
}) => {
  const intl = useIntl()
  const t = (id: string, values?: Record<string, unknown>) =>
    intl.formatMessage(
      { id: `admin/key-steward.review.${id}` },
      values as never
    )

  const [decision, setDecision] = useState<Decision | ''>('')
  const [justification, setJustification] = useState('')
  const [confirming, setConfirming] = useState(false)
  // "Keep all N undecided keys without findings" asks first: it decides thousands at once
  const [confirmingHealthy, setConfirmingHealthy] = useState(false)
  // Keep on keys that need a justification, with none: said at the field before any dialog
  const [needsJustification, setNeedsJustification] = useState(false)
  const [decide, deciding] = useDecide()
  const scan = useRunScan()
  const justificationInput = useRef<HTMLInputElement>(null)
  const applyButton = useRef<HTMLButtonElement>(null)
  // Rotate or Deactivate with external keys selected: said (and focused) before any dialog;
  // each submit counts, so a second Enter puts focus on the message again
  const [externalRefused, setExternalRefused] = useState(0)
  const externalMessage = useRef<HTMLParagraphElement>(null)
  // A decision the service refused or could not save: focus moves to why (the Decide button is
  // disabled while it loads, the confirmation dialog has closed; the browser drops focus).
  const failureNotice = useRef<HTMLDivElement>(null)

  useAriaAttributes(justificationInput, {
    'aria-describedby': JUSTIFICATION_HELP,
  })
  // A disabled button says why: what to select, or what to choose (read with its name).
  useAriaAttributes(applyButton, {
    'aria-describedby': !count
      ? SELECTED_COUNT
      : !decision
      ? CHOOSE_DECISION
      : null,
  })
  const criticalCount = useCountInSelection(selection, filter, {
    seen: critical,
    kind: CRITICAL_KEYS,
  })

  // HIGH keys too, not only the critical ones: whatever the service would refuse to keep
  const needingJustification = useCountInSelection(selection, filter, {
    seen: risky,
    kind: KEEP_NEEDS_JUSTIFICATION,
  })

  const externalKeys = useExternalInSelection(selection, filter, external)
  // the service's list of what fits an external key, not a second copy of the rule
  const misfits =
    decision &&
    !decisionOptions({ external: true }).includes(decision) &&
    externalKeys &&
    externalKeys.total > 0
      ? externalKeys
      : null

  useEffect(() => {
    if (externalRefused) externalMessage.current?.focus()
  }, [externalRefused])

  // "Select all N matching keys" goes away once pressed, and the browser dropped focus to the
  // body, behind the bar; the next step is the decision, so focus goes there (walk12).
  const decisionField = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (selection.kind === 'matching')
      decisionField.current?.querySelector('select')?.focus()
  }, [selection.kind])

  const healthy = useQuery<
    KeyStewardReviewCountQuery,
    KeyStewardReviewCountQueryVariables
  >(COUNT, { variables: { filter: HEALTHY }, fetchPolicy: 'cache-and-network' })

  useRereadByName(COUNT, { variables: { filter: HEALTHY } })

  const healthyCount = healthy.data?.reviewDecisions?.total ?? 0
  // The open review as the page read it, from the cache without watching it: a watch would be
  // told of the sign-off's refetch as the bar unmounts. The bar renders again when the scan's
  // refetch changes its counts, and reads the new leakScanAt then.
  const client = useApolloClient()
  let open: KeyStewardReviewQuery['review'] | undefined

  try {
    open = client.readQuery<KeyStewardReviewQuery>({ query: REVIEW })?.review
  } catch {
    open = undefined
  }

  const scanned = !open || scannedDuring(open)
  const failure = readError(deciding.error)
  const { keys: named, total: refusedTotal } = refusedKeys(deciding.error)

  const run = (
    variables: Parameters<typeof decide>[0] extends infer O
      ? O extends { variables?: infer V }
        ? V
        : never
      : never,
    d: Decision
  ) =>
    decide({ variables }).then(
      (r) => {
        onDone(r.data?.decideKeys?.changed.length ?? 0, d)
        setJustification('')
      },
      // after the render that shows it: the button under focus (or the dialog's) is gone
      () => setTimeout(() => failureNotice.current?.focus())
    )

  const apply = (d: Decision) =>
    run(
      selection.kind === 'matching'
        ? { matching: filter, decision: d, justification }
        : { keyIds: selection.ids, decision: d, justification },
      d
    )

  return (
    <section
      className="mb4 pa4 ba b--muted-4 br2"
      aria-label={t('bulkTitle')}
      data-bulk-bar
    >
      {healthyCount > 0 && (
        <div className="mb4">
          <span data-keep-healthy>
            <Button
              variation="secondary"
              size="small"
              isLoading={deciding.loading}
              onClick={() => setConfirmingHealthy(true)}
            >
              <FormattedMessage
                id="admin/key-steward.review.keepHealthy"
                values={{ count: healthyCount }}
              />
            </Button>
          </span>
          {/* "without findings" means little before a scan has looked for exposed tokens */}
          {!scanned && (
            <div className="f6 c-warning mt2" data-no-scan-yet>
              {t('noScanYet')}
              <RunScan scan={scan} />
            </div>
          )}
        </div>
      )}
      {/* stays when the note above goes with the scan: focus and the outcome are here */}
      {((healthyCount > 0 && !scanned) || scan.state.phase !== 'idle') && (
        <ScanStatus
          state={scan.state}
          statusRef={scan.statusRef}
          className="f6"
        />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!decision || !count) return
          if (misfits) {
            setExternalRefused((n) => n + 1)

            return
          }

          // the service refuses to keep these keys without one: ask before confirming
          if (
            decision === 'KEEP' &&
            needingJustification !== 0 &&
            !shownText(justification)
          ) {
            setNeedsJustification(true)
            justificationInput.current?.focus()

            return
          }

          if (LEAVES_ACCESS.includes(decision) && criticalCount !== 0)
            setConfirming(true)
          else apply(decision)
        }}
      >
        <p
          id={SELECTED_COUNT}
          className="mt0 mb4 f6"
          aria-live="polite"
          data-selected-count={count}
        >
          {selection.kind === 'matching' ? (
            <FormattedMessage
              id="admin/key-steward.review.allMatchingSelected"
              values={{ count }}
            />
          ) : (
            <FormattedMessage
              id="admin/key-steward.review.selected"
              values={{ count }}
            />
          )}
          {count > 0 && (
            <button
              type="button"
              className="ml3 bn bg-transparent c-link pointer pa0 underline"
              onClick={onClear}
            >
              <FormattedMessage id="admin/key-steward.review.clearSelection" />
            </button>
          )}
        </p>
        {/* Each field in its own column, its label wrapping inside it and a wide gap between
            them: side by side the two labels read as one sentence (Spanish at 1366 px). */}
        <div className="flex flex-wrap items-start" style={FIELDS}>
          <div
            ref={decisionField}
            style={DECISION_FIELD}
            data-bulk-field="decision"
          >
            <Select
              size="small"
              label={t('bulkDecision')}
              placeholder={t('choose')}
              value={decision}
              options={DECISIONS.map((d) => ({
                value: d,
                label: t(`decision.${d}`),
              }))}
              onChange={(_: unknown, v: Decision) => {
                setDecision(v)
                setExternalRefused(0)
              }}
            />
          </div>
          <div style={JUSTIFICATION_FIELD} data-bulk-field="justification">
            <Input
              ref={justificationInput}
              size="small"
              label={t('bulkJustification')}
              value={justification}
              errorMessage={
                needsJustification && !shownText(justification)
                  ? t('bulkJustificationFirst')
                  : undefined
              }
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                setJustification(e.target.value)
                setNeedsJustification(false)
              }}
            />
            {/* outside the label, so the field's name is its label only (as in the settings) */}
            <div
              id={JUSTIFICATION_HELP}
              className="c-muted-1 t-small mt3 lh-title"
              data-bulk-help
            >
              {t('bulkJustificationHelp')}
            </div>
          </div>
        </div>
        {externalRefused > 0 && misfits && decision && (
          <p
            ref={externalMessage}
            tabIndex={-1}
            role="alert"
            className="c-danger f6 mt4 mb0"
            data-bulk-external-refused={misfits.total}
          >
            {/* the service's own refusal, said before the admin confirms anything */}
            {intl.formatMessage(
              { id: 'admin/key-steward.refusal.review.bulk.externalKeys' },
              {
                decision,
                count: misfits.total,
                keys: misfits.names.map((n) => `“${n}”`).join(', '),
                more: misfits.total - misfits.names.length,
              }
            )}
          </p>
        )}
        <div className="mt4 flex flex-wrap items-center">
          <span data-bulk-apply className="mr3">
            <Button
              ref={applyButton}
              type="submit"
              size="small"
              disabled={!decision || !count}
              isLoading={deciding.loading}
            >
              {/* with nothing selected it says what to do, not "Decide 0 keys" */}
              <FormattedMessage
                id="admin/key-steward.review.bulkApply"
                values={{ count }}
              />
            </Button>
          </span>
          {count > 0 && !decision && (
            <span
              id={CHOOSE_DECISION}
              className="f6 c-muted-1"
              data-bulk-choose-decision
            >
              {t('bulkChooseDecision')}
            </span>
          )}
        </div>
        {/* both "Keep all … without findings" and Decide: one change, one page read again */}
        <RereadNotice failed={deciding.rereadFailed} />
      </form>
      {confirming && decision && (
        <Dialog
          isOpen
          testId="bulk-critical-confirm"
          dangerous
          title={t('confirmCritical.title')}
          confirmLabel={t('confirmCritical.confirm', {
            decision: t(`decision.${decision}`),
            count,
          })}
          cancelLabel={t('cancel')}
          loading={deciding.loading}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            apply(decision)
          }}
        >
          <p data-critical-count={criticalCount ?? ''}>
            {criticalCount === null
              ? t('confirmCritical.unknown', { count })
              : t('confirmCritical.body', { critical: criticalCount, count })}
          </p>
          <p data-critical-effect>
            {/* the rules of the selected keys are not all known here: a new token fixes an
                exposed one, the roles of an Owner key stay */}
            {decision === 'KEEP'
              ? t('confirmCritical.effect.KEEP_KEYS', {
                  count: criticalCount ?? count,
                })
              : t('confirmCritical.effect.ROTATE_MIXED', {
                  count: criticalCount ?? count,
                })}
          </p>
        </Dialog>
      )}
      {confirmingHealthy && (
        <Dialog
          isOpen
          testId="bulk-healthy-confirm"
          title={t('confirmHealthy.title', { count: healthyCount })}
          confirmLabel={t('confirmHealthy.confirm', { count: healthyCount })}
          cancelLabel={t('cancel')}
          loading={deciding.loading}
          onCancel={() => setConfirmingHealthy(false)}
          onConfirm={() => {
            setConfirmingHealthy(false)
            run({ matching: HEALTHY, decision: 'KEEP' }, 'KEEP')
          }}
        >
          <p data-healthy-count={healthyCount}>
            {t('confirmHealthy.body', { count: healthyCount })}
          </p>
          {!scanned && (
            <p className="c-warning" data-no-scan-yet>
              {t('noScanYet')}
            </p>
          )}
        </Dialog>
      )}
      {failure && (
        <div
          className="mt3"
          ref={failureNotice}
          tabIndex={-1}
          data-bulk-failure
        >
          <Notice announce="assertive" type="error">
            {failure.fields.some((f) => f.field === 'justification') &&
            named.length ? (
              <>
                <FormattedMessage
                  id="admin/key-steward.review.bulkNeedsJustification"
                  values={{ count: refusedTotal }}
                />
                <ul className="mv2 pl4">
                  {named.slice(0, NAMED).map((k) => (
                    <li key={k.id}>{k.label ?? k.id}</li>
                  ))}
                </ul>
                {refusedTotal > NAMED && (
                  <FormattedMessage
                    id="admin/key-steward.review.andMore"
                    values={{ count: refusedTotal - NAMED }}
                  />
                )}
              </>
            ) : (
              failure.message
            )}
          </Notice>
        </div>
      )}
    </section>
  )
}

export default BulkBar

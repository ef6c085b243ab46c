import React, { useRef, useState } from 'react'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { Button, Input } from 'vtex.styleguide'

import KeyActionButton from '../actions/KeyActionButton'
import RenewTokenButton from '../actions/RenewTokenButton'
import { mayCarryOut } from '../actions/opensKeyPages'
import type { KeyActionField } from '../actions/usePermissions'
import Dialog from '../components/Dialog'
import Link from '../components/Link'
import { BASE } from '../components/PageFrame.constants'
import { ruleName } from '../components/ruleName'
import SeverityBadge from '../components/SeverityBadge'
import SubjectName from '../components/SubjectName'
import REVIEW from '../graphql/review.gql'
import { readError } from '../utils/errors'
import type { ActionPermission } from '../types'
import type { Decision, ReviewKey } from './types'
import { decisionOptionId, decisionOptions } from './decisionOptions'
import { useDecide } from './useDecide'
import { hasCritical } from './findingsNow'
import { rotateEffectId } from './rotateEffect'
import { keyName, renamed } from './keyName'
import { shownText } from '../graphql/shownText.generated'
import { RereadNotice } from '../components/RereadNotice'
import Select from '../components/Select'
import { useAriaAttributes } from '../components/useAriaAttributes'

/** The decision's field: one width whatever is chosen, so no row moves. Its longest option
 * ("Rotacionar (renovar o token)", 13rem of text) fits with room for another font: the field
 * loses about 3rem to its padding and arrow. At 1440 px the justification still fits beside it. */
const DECISION_FIELD: React.CSSProperties = {
  flex: '0 0 17rem',
  width: '17rem',
}

/** What gives no width to the table's column (CSS containment): its text wraps at the width the
 * column has. */
const NO_WIDTH: React.CSSProperties = { contain: 'inline-size' }

/** The justification and Save: 13rem to the table whatever the field's message says. */
const JUSTIFICATION_FIELD: React.CSSProperties = {
  ...NO_WIDTH,
  flex: '1 1 13rem',
  minWidth: '13rem',
}

/** Decisions that leave a key's roles as they are (as in the bulk bar): confirmed on a critical key. */
const LEAVES_ACCESS: Decision[] = ['KEEP', 'ROTATE']

/** A finding's severity and rule name; `data-rule` lets the page and tests find it by rule. */
const FindingLine: React.FC<{
  f: ReviewKey['findings'][number]
  isNew?: boolean
}> = ({ f, isNew }) => {
  const intl = useIntl()

  return (
    <span className="db mb1" data-new-finding={isNew ? f.rule : undefined}>
      <SeverityBadge severity={f.severity} />{' '}
      <span className="c-muted-1" data-rule={f.rule}>
        {ruleName(intl, f.rule)}
      </span>
    </span>
  )
}

/**
 * The row's findings: those at start, then those raised since the review started (worked out on
 * each read; a completed review shows those seen at sign-off), so an exposure found by a scan run
 * during the review never reads "No problems".
 */
const Findings: React.FC<{ k: ReviewKey }> = ({ k }) => {
  const fresh = k.newFindings ?? []

  if (!k.findings.length && !fresh.length)
    return (
      <span className="c-success">
        <FormattedMessage id="admin/key-steward.keys.healthy" />
      </span>
    )

  return (
    <>
      {k.findings.map((f, i) => (
        <FindingLine key={i} f={f} />
      ))}
      {fresh.length > 0 && (
        <div className="mt2" data-new-findings={fresh.length}>
          <span className="db f7 fw5 c-danger mb1" data-new-since-start>
            <FormattedMessage id="admin/key-steward.review.newSinceStart" />
          </span>
          {fresh.map((f, i) => (
            <FindingLine key={i} f={f} isNew />
          ))}
        </div>
      )}
    </>
  )
}

/** What was done to carry a decision out, oldest first (a renewal's start only puts ROTATE in progress). */
const CarriedOutLines: React.FC<{ k: ReviewKey }> = ({ k }) => (
  <>
    {(k.decision?.carriedOut ?? []).map((c, i) => (
      <p
        key={i}
        className={`f7 mt1 mb1 ${
          c.action === 'RENEW_TOKEN' ? 'c-warning' : 'c-success'
        }`}
        data-carried-out={c.action}
      >
        <FormattedMessage
          id={`admin/key-steward.review.${
            c.action === 'RENEW_TOKEN' ? 'carryOutStarted' : 'carriedOut'
          }`}
          values={{
            action: (
              <FormattedMessage
                id={`admin/key-steward.audit.action.${c.action}`}
              />
            ),
            who: c.by,
            date: (
              <FormattedDate
                value={c.at}
                year="numeric"
                month="short"
                day="numeric"
              />
            ),
          }}
        />
      </p>
    ))}
  </>
)

/**
 * Carry a saved decision out from the review: renew the token (ROTATE), deactivate the key
 * (DEACTIVATE), or open the key page to remove roles (REDUCE_ROLES). Each behind a confirmation.
 */
const CarryOut: React.FC<{
  k: ReviewKey
  can: (field: KeyActionField) => ActionPermission | undefined
}> = ({ k, can }) => {
  const d = k.decision

  if (!d) return null
  const done = d.carriedOut ?? []
  const label = keyName(k)

  return (
    <div
      className="mt2"
      data-carry-out={d.decision}
      data-carry-out-status={d.carryOutStatus}
    >
      <CarriedOutLines k={k} />
      {d.decision === 'ROTATE' && (
        <RenewTokenButton
          offered={
            (d.carryOutStatus ??
              (done.length ? 'IN_PROGRESS' : 'NOT_STARTED')) === 'NOT_STARTED'
          }
          size="small"
          keyId={k.id}
          appKey={k.appKey}
          label={label}
          permission={can('renewToken')}
          // a new token leaves the roles: Owner access stays (the bulk bar's warning)
          warning={
            rotateEffectId(k) ? (
              <FormattedMessage
                id={`admin/key-steward.review.confirmCritical.effect.${rotateEffectId(
                  k
                )}`}
                values={{ count: 1 }}
              />
            ) : undefined
          }
        />
      )}
      {d.decision === 'DEACTIVATE' &&
        k.isActive &&
        !done.some((c) => c.action === 'DEACTIVATE') && (
          <KeyActionButton
            kind="deactivate"
            size="small"
            keyId={k.id}
            appKey={k.appKey}
            label={label}
            permission={can('deactivateKey')}
            refetch={[{ query: REVIEW }, 'KeyStewardReviewDecisions']}
          />
        )}
      {d.decision === 'REDUCE_ROLES' && (
        <Link to={`${BASE}/keys/${encodeURIComponent(k.id)}`}>
          <FormattedMessage id="admin/key-steward.review.reduceRolesOnKeyPage" />
        </Link>
      )}
    </div>
  )
}

/**
 * A completed review's follow-up of a decision asking for a change: what was done, "not carried
 * out yet" when nothing was, and the key page where the action is while it is not carried out
 * (actions done there after sign-off count for this review).
 */
const FollowUp: React.FC<{ k: ReviewKey; offerKeyPage: boolean }> = ({
  k,
  offerKeyPage,
}) => {
  const d = k.decision

  if (!d || d.decision === 'KEEP') return null
  // Another account's key is changed in VTEX, where Key Steward cannot follow it: said so, with
  // no "not carried out yet" that would stay forever and no key page to link to.
  if (k.external)
    return (
      <p className="f7 mt2 mb1 c-muted-1" data-carry-out-outside>
        <FormattedMessage id="admin/key-steward.review.madeOutside" />
      </p>
    )

  return (
    <div
      className="mt2"
      data-carry-out={d.decision}
      data-carry-out-status={d.carryOutStatus}
    >
      <CarriedOutLines k={k} />
      {d.carryOutStatus === 'NOT_STARTED' && (
        <p className="f7 mt1 mb1 c-warning" data-not-carried-out>
          <FormattedMessage id="admin/key-steward.review.notCarriedOut" />
        </p>
      )}
      {d.carryOutStatus !== 'CARRIED_OUT' && offerKeyPage && (
        <Link to={`${BASE}/keys/${encodeURIComponent(k.id)}`}>
          <FormattedMessage id="admin/key-steward.review.carryOutOnKeyPage" />
        </Link>
      )}
    </div>
  )
}

interface RowProps {
  k: ReviewKey
  can?: (field: KeyActionField) => ActionPermission | undefined
  /** a completed review: decisions shown, nothing to change */
  readOnly?: boolean
  selected?: boolean
  onSelect?: (id: string, on: boolean) => void
  /** the key's name and the decision's full label, as its option reads ("Reduce roles in VTEX") */
  onDecided?: (label: string, decision: string) => void
}

const DecisionRow: React.FC<RowProps> = ({
  k,
  can = () => undefined,
  readOnly = false,
  selected = false,
  onSelect,
  onDecided,
}) => {
  const intl = useIntl()
  const t = (id: string) =>
    intl.formatMessage({ id: `admin/key-steward.${id}` })

  const [decision, setDecision] = useState<Decision | ''>(
    k.decision?.decision ?? ''
  )

  const [justification, setJustification] = useState(
    k.decision?.justification ?? ''
  )

  const [save, saving] = useDecide()
  const [confirming, setConfirming] = useState(false)
  // Keep on a key that needs a justification, with none: said at the field before any dialog
  const [needsJustification, setNeedsJustification] = useState(false)
  const failure = readError(saving.error)
  const changed =
    decision !== (k.decision?.decision ?? '') ||
    justification !== (k.decision?.justification ?? '')

  const label = keyName(k)
  // A refusal puts focus where the admin acts on it: the justification it asks for, else the
  // message (the Save button under focus is disabled while saving and the browser drops it).
  const justificationInput = useRef<HTMLInputElement>(null)
  const refusal = useRef<HTMLParagraphElement>(null)
  // Fifty "Save" buttons in a row read apart: each is described by its key's name (walk16 #8).
  const nameId = `review-key-name-${k.id}`
  const saveButton = useRef<HTMLButtonElement>(null)

  useAriaAttributes(saveButton, { 'aria-describedby': nameId })
  const submit = (d: Decision) =>
    save({
      variables: { keyIds: [k.id], decision: d, justification },
    }).then(
      () => onDecided?.(label, t(decisionOptionId(k, d))),
      (e: unknown) => {
        const read = readError(e as Parameters<typeof readError>[0])

        // after the render that shows the error (the field's message, or the alert)
        setTimeout(() => {
          if (read?.fields.some((f) => f.field === 'justification'))
            justificationInput.current?.focus()
          else refusal.current?.focus()
        })
      }
    )

  return (
    <tr
      className="bb b--muted-5"
      data-review-key={k.id}
      data-decided={!!k.decision}
    >
      {!readOnly && (
        <td className="pv3 pl3 v-top">
          <input
            type="checkbox"
            checked={selected}
            aria-label={intl.formatMessage(
              { id: 'admin/key-steward.review.selectKey' },
              { label }
            )}
            onChange={(e) => onSelect?.(k.id, e.target.checked)}
          />
        </td>
      )}
      <td className="pv3 ph3 v-top">
        {k.external ? (
          // another account's key, named as the key list names it: its account and the tag
          <span className="db" data-external-key id={nameId}>
            <SubjectName
              subjectType="EXTERNAL_KEY"
              subjectId={k.appKey}
              label={k.account ?? label}
              linked={false}
            />
          </span>
        ) : (
          <span className="db" id={nameId}>
            {label}
          </span>
        )}
        {renamed(k) && (
          <span className="db f7 c-muted-1" data-renamed-from>
            <FormattedMessage
              id="admin/key-steward.review.renamedFrom"
              values={{
                // in <bdi>: a right-to-left mark in a label must not turn the rest of the line
                label: (
                  <bdi>
                    {k.label ||
                      intl.formatMessage({
                        id: 'admin/key-steward.keys.noLabel',
                      })}
                  </bdi>
                ),
              }}
            />
          </span>
        )}
        <span className="db f7 code c-muted-1">{k.appKey}</span>
        {!k.isActive && (
          <span className="f7 c-muted-2">
            <FormattedMessage id="admin/key-steward.keys.status.inactive" />
          </span>
        )}
      </td>
      <td className="pv3 ph3 v-top f6">
        <Findings k={k} />
        {!readOnly &&
          k.decision?.decision === 'KEEP' &&
          !k.decision.justification &&
          k.risky && (
            <p className="f7 fw5 c-danger mt2 mb0" data-kept-needs-reason>
              <FormattedMessage id="admin/key-steward.review.keptNeedsReason" />
            </p>
          )}
      </td>
      {readOnly ? (
        <td className="pv3 ph3 v-top f6">
          {k.decision ? (
            <>
              <strong>
                <FormattedMessage
                  id={`admin/key-steward.review.decision.${k.decision.decision}`}
                />
              </strong>
              {k.decision.justification && (
                <span className="db mt1">{k.decision.justification}</span>
              )}
              <span className="db f7 c-muted-2 mt1">
                <FormattedMessage
                  id="admin/key-steward.review.decidedByOn"
                  values={{
                    who: k.decision.decidedBy,
                    date: (
                      <FormattedDate
                        value={k.decision.decidedAt}
                        year="numeric"
                        month="short"
                        day="numeric"
                      />
                    ),
                  }}
                />
              </span>
              <FollowUp
                k={k}
                offerKeyPage={mayCarryOut(k.decision.decision, can)}
              />
            </>
          ) : (
            <span className="c-muted-2">—</span>
          )}
        </td>
      ) : (
        <td className="pv3 ph3 v-top" style={{ minWidth: '16rem' }}>
          {/* wraps: the justification and Save go under the decision when the column is narrow
              (1024 px, pt), rather than the table scrolling sideways inside its card. Every row
              gives the table the same widths (DECISION_FIELD, JUSTIFICATION_FIELD, NO_WIDTH), so
              a chosen decision's longer name or a refusal's message never widens its row: the
              table does not jump, and all rows wrap alike or none does. */}
          <form
            className="flex flex-wrap items-start"
            aria-label={intl.formatMessage(
              { id: 'admin/key-steward.review.decisionFor' },
              { label }
            )}
            onSubmit={(e) => {
              e.preventDefault()
              if (!decision) return
              // the service refuses to keep this key without one (HIGH or CRITICAL): asked for
              // before the confirmation, as the bulk bar does
              if (decision === 'KEEP' && k.risky && !shownText(justification)) {
                setNeedsJustification(true)
                justificationInput.current?.focus()

                return
              }

              // Keeping or rotating a key with a CRITICAL finding leaves its access: confirmed
              // first, as in the bulk bar.
              if (LEAVES_ACCESS.includes(decision) && hasCritical(k))
                setConfirming(true)
              else submit(decision)
            }}
          >
            <div className="mr3 mb2" style={DECISION_FIELD}>
              <Select
                size="small"
                label={t('review.decision')}
                placeholder={t('review.choose')}
                value={decision}
                options={decisionOptions(k).map((d) => ({
                  value: d,
                  label: t(decisionOptionId(k, d)),
                }))}
                onChange={(_: unknown, v: Decision) => {
                  setDecision(v)
                  setNeedsJustification(false)
                }}
              />
            </div>
            {/* the justification and Save wrap together, Save beside its field */}
            <div className="mb2 flex items-start" style={JUSTIFICATION_FIELD}>
              <div className="mr3 flex-auto" style={{ minWidth: 0 }}>
                <Input
                  ref={justificationInput}
                  size="small"
                  label={t(
                    k.risky
                      ? 'review.justificationRequired'
                      : 'review.justification'
                  )}
                  value={justification}
                  errorMessage={
                    (needsJustification && !shownText(justification)) ||
                    failure?.fields.some((f) => f.field === 'justification')
                      ? t('review.justificationNeeded')
                      : undefined
                  }
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
                    setJustification(e.target.value)
                    setNeedsJustification(false)
                  }}
                />
              </div>
              <div className="pt5">
                <Button
                  ref={saveButton}
                  type="submit"
                  size="small"
                  variation={k.decision && !changed ? 'tertiary' : 'primary'}
                  disabled={!decision || !changed}
                  isLoading={saving.loading}
                >
                  <FormattedMessage
                    id={
                      k.decision && !changed
                        ? 'admin/key-steward.review.saved'
                        : 'admin/key-steward.review.save'
                    }
                  />
                </Button>
              </div>
            </div>
          </form>
          {/* messages wrap at the column's width: they never set it */}
          <div style={NO_WIDTH}>
            <RereadNotice failed={saving.rereadFailed} />
            {failure && !failure.fields.length && (
              <p
                ref={refusal}
                tabIndex={-1}
                className="c-danger f6"
                role="alert"
              >
                {failure.message}
              </p>
            )}
            {k.decision && (
              <p className="f7 c-muted-2 mt1 mb0">
                <FormattedMessage
                  id="admin/key-steward.review.decidedBy"
                  values={{ who: k.decision.decidedBy }}
                />
              </p>
            )}
            {k.decision && !changed && !k.external && (
              <CarryOut k={k} can={can} />
            )}
            {k.external && decision === 'REDUCE_ROLES' && (
              <p className="f7 c-muted-1 mt1 mb0" data-external-reduce-here>
                <FormattedMessage id="admin/key-steward.review.externalReduceHere" />
              </p>
            )}
          </div>
          {confirming && decision && (
            <Dialog
              isOpen
              testId="row-critical-confirm"
              dangerous
              title={t(
                decision === 'KEEP'
                  ? 'review.confirmCriticalKey.title.KEEP'
                  : 'review.confirmCriticalKey.title.ROTATE'
              )}
              confirmLabel={intl.formatMessage(
                { id: 'admin/key-steward.review.confirmCritical.confirm' },
                { decision: t(`review.decision.${decision}`), count: 1 }
              )}
              cancelLabel={t('review.cancel')}
              loading={saving.loading}
              onCancel={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false)
                submit(decision)
              }}
            >
              <p className="mb2">
                <strong>{label}</strong>
              </p>
              <div className="mb3" data-critical-findings>
                {[...k.findings, ...(k.newFindings ?? [])]
                  .filter((f) => f.severity === 'CRITICAL')
                  .map((f, i) => (
                    <FindingLine key={i} f={f} />
                  ))}
              </div>
              <p>
                {decision === 'KEEP'
                  ? t('review.confirmCritical.effect.KEEP')
                  : intl.formatMessage(
                      {
                        id: `admin/key-steward.review.confirmCritical.effect.${
                          rotateEffectId(k) ?? 'ROTATE'
                        }`,
                      },
                      { count: 1 }
                    )}
              </p>
            </Dialog>
          )}
        </td>
      )}
    </tr>
  )
}

export default DecisionRow

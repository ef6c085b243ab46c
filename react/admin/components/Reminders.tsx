// Reminders (review due or overdue, keys past their rotation period, unfinished renewals):
// a banner on every Key Steward page, each with its action and a snooze.
import React, { useEffect, useRef, useState } from 'react'
import { useQuery } from 'react-apollo'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { ButtonPlain } from 'vtex.styleguide'

import REMINDERS from '../graphql/reminders.gql'
import SNOOZE from '../graphql/snoozeReminder.gql'
import type {
  KeyStewardRemindersQuery,
  KeyStewardRemindersQueryVariables,
  KeyStewardSnoozeReminderMutation,
  KeyStewardSnoozeReminderMutationVariables,
  ReminderKind,
} from '../graphql/types.generated'
import { MAX_LINK_IDS } from '../Keys/keyQuery'
import type { RuleId } from '../types'
import Link from './Link'
import { BASE } from './PageFrame.constants'
import { readError } from '../utils/errors'
import { Notice } from './Notice'
import { RereadNotice } from './RereadNotice'
import { reminderTone } from './reminderTone'
import { useAriaAttributes } from './useAriaAttributes'
import { useSettledMutation } from '../apollo/useSettledMutation'
import { useRereadByName } from '../apollo/useRereadByName'

export type Reminder = KeyStewardRemindersQuery['reminders'][number]

const ACTION: Record<ReminderKind, string> = {
  REVIEW_DUE_SOON: `${BASE}/review`,
  REVIEW_OVERDUE: `${BASE}/review`,
  KEYS_CROSSED_ROTATION: `${BASE}/keys`,
  RENEWALS_UNFINISHED: `${BASE}/keys`,
  RENEWALS_POSSIBLY_PENDING: `${BASE}/keys`,
  DAILY_SCAN_FAILING: `${BASE}/settings`,
}

/** Reminders about keys open the key list on the keys they name (the Keys page's ?ids=, or
 * ?reminder= when they name more than a link holds). */
const RULE_OF: Partial<Record<ReminderKind, RuleId>> = {
  KEYS_CROSSED_ROTATION: 'key-age-exceeded',
  RENEWALS_UNFINISHED: 'renewal-unfinished',
}

/** Reminders that name keys without a finding behind them (their link never falls back to a rule). */
const NAMES_KEYS: ReminderKind[] = ['RENEWALS_POSSIBLY_PENDING']

export function actionHref(r: Reminder): string {
  const rule = RULE_OF[r.kind]

  if (!rule && !NAMES_KEYS.includes(r.kind)) return ACTION[r.kind]

  // more keys than a link holds: the service works out the reminder's keys (keyList's reminder)
  if (r.subjects.length > MAX_LINK_IDS)
    return `${ACTION[r.kind]}?reminder=${r.kind}`

  return r.subjects.length
    ? `${ACTION[r.kind]}?ids=${r.subjects
        .map((s) => encodeURIComponent(s.id))
        .join(',')}`
    : rule
    ? `${ACTION[r.kind]}?rule=${rule}`
    : `${ACTION[r.kind]}?reminder=${r.kind}`
}

/** The query parameters that pick what a page shows (a review, keys, a rule, a follow-up), not
 * how (search, sort, paging) nor who and in what language (the local Admin's session/locale). */
const VIEW_PARAMS = [
  'review',
  'ids',
  'rule',
  'carryOut',
  'evidence',
  'reminder',
]

/**
 * Whether a reminder's action would only open the view it is shown on (the overdue review's
 * "Start the review" on the review page): then it has no link. `here` is the page's path with its
 * query: a link to another view of the page (the open review from a completed one shown by
 * ?review=, the key list on the keys it names) still helps.
 */
export function linksHere(href: string, here?: string): boolean {
  if (here === undefined) return false
  const view = (u: string) => {
    const [path, query = ''] = u.split('?')
    const params = new URLSearchParams(query)

    return [path, ...VIEW_PARAMS.map((k) => params.get(k) ?? '')].join('\n')
  }

  return view(href) === view(here)
}

const SNOOZE_CHOICES = [1, 7, 30]

/** Reminders take what the service could work out (a partial answer), here and when read again. */
const REMINDERS_ERROR_POLICY = 'ignore' as const

const ReminderItem: React.FC<{
  r: Reminder
  here?: string
  onSnoozed: (until: string) => void
}> = ({ r, here, onSnoozed }) => {
  const intl = useIntl()
  const [days, setDays] = useState(7)
  const snoozeId = `snooze-${r.id.replace(/[^\w-]/g, '_')}`
  const [snooze, snoozing] = useSettledMutation<
    KeyStewardSnoozeReminderMutation,
    KeyStewardSnoozeReminderMutationVariables
  >(SNOOZE, {
    // by name: read again as the list on screen reads, with its error policy (REMINDERS_READ)
    refetchQueries: ['KeyStewardReminders'],
  })

  const snoozeFailure = readError(snoozing.error)
  // the first three, then how many more in words ("…, C and 53 more."): an ellipsis before the
  // message's full stop read "…."
  const names =
    r.subjects
      .slice(0, 3)
      .map((s) => s.label)
      .join(', ') +
    (r.subjects.length > 3
      ? ` ${intl.formatMessage(
          { id: 'admin/key-steward.inventory.missing.more' },
          { count: r.subjects.length - 3 }
        )}`
      : '')

  const never = r.kind === 'REVIEW_OVERDUE' && !r.dueDate
  // With two banners a screen reader heard "Snooze" twice: each snooze control is described by
  // its own reminder's text (walk14 #12).
  const textId = `${snoozeId}-text`
  const snoozeButton = useRef<HTMLButtonElement>(null)

  useAriaAttributes(snoozeButton, { 'aria-describedby': textId })

  return (
    <div className="mb3" data-reminder={r.kind}>
      <Notice announce="none" type={reminderTone(r)}>
        <span>
          <span id={textId}>
            <FormattedMessage
              id={
                // overdue since a date when a review was completed before (as on the Overview);
                // never completed is due now, not overdue (it shows on the day of install too)
                r.kind === 'REVIEW_OVERDUE' && r.dueDate
                  ? 'admin/key-steward.overview.reviewOverdueSince'
                  : never
                  ? 'admin/key-steward.reminder.REVIEW_NEVER'
                  : `admin/key-steward.reminder.${r.kind}`
              }
              values={{
                count: r.count,
                names,
                date: r.dueDate ? (
                  <FormattedDate
                    value={r.dueDate}
                    year="numeric"
                    month="long"
                    day="numeric"
                  />
                ) : (
                  ''
                ),
              }}
            />
          </span>
          {!linksHere(actionHref(r), here) && (
            <>
              {' '}
              <Link to={actionHref(r)}>
                <FormattedMessage
                  id={`admin/key-steward.reminder.action.${r.kind}`}
                />
              </Link>
            </>
          )}
          {/* One labelled control: "Remind me again in [7 days ▾] [Snooze]". */}
          <span
            className="flex items-center flex-wrap mt2"
            role="group"
            aria-labelledby={`${snoozeId}-label`}
            aria-describedby={textId}
            data-snooze
          >
            <label
              id={`${snoozeId}-label`}
              htmlFor={snoozeId}
              className="f6 c-on-base mr2"
            >
              {intl.formatMessage({
                id: 'admin/key-steward.reminder.remindAgainIn',
              })}
            </label>
            <select
              id={snoozeId}
              aria-describedby={textId}
              className="f6 pv1 ph2 mr2 ba b--muted-3 br2 bg-base c-on-base pointer"
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
            >
              {SNOOZE_CHOICES.map((d) => (
                <option key={d} value={d}>
                  {intl.formatMessage(
                    { id: 'admin/key-steward.reminder.days' },
                    { days: d }
                  )}
                </option>
              ))}
            </select>
            <ButtonPlain
              ref={snoozeButton}
              size="small"
              isLoading={snoozing.loading}
              onClick={() =>
                snooze({ variables: { id: r.id, days } }).then(
                  (res) => onSnoozed(res.data?.snoozeReminder ?? ''),
                  () => undefined
                )
              }
            >
              {intl.formatMessage({ id: 'admin/key-steward.reminder.snooze' })}
            </ButtonPlain>
          </span>
          <RereadNotice failed={snoozing.rereadFailed} />
          {snoozeFailure && (
            <span className="db mt2 f6 c-danger" role="alert">
              {snoozeFailure.message}
            </span>
          )}
        </span>
      </Notice>
    </div>
  )
}

/**
 * Shows nothing while loading or if reminders cannot be read: the page itself explains errors.
 * `here`: the path of the page they are shown on (PageFrame's section).
 */
const Reminders: React.FC<{ here?: string }> = ({ here }) => {
  const intl = useIntl()
  const { data } = useQuery<
    KeyStewardRemindersQuery,
    KeyStewardRemindersQueryVariables
  >(REMINDERS, {
    fetchPolicy: 'cache-and-network',
    errorPolicy: REMINDERS_ERROR_POLICY,
  })

  useRereadByName(REMINDERS, { errorPolicy: REMINDERS_ERROR_POLICY })

  // A snoozed reminder goes away with the button that had focus: say until when, and put focus
  // on that line so the keyboard does not fall back to the top of the page.
  const [snoozedUntil, setSnoozedUntil] = useState<string | null>(null)
  const notice = useRef<HTMLParagraphElement>(null)

  useEffect(() => {
    if (snoozedUntil !== null) notice.current?.focus()
  }, [snoozedUntil])

  const reminders = data?.reminders ?? []

  if (!reminders.length && snoozedUntil === null) return null

  return (
    <section
      className="mb5"
      aria-label={intl.formatMessage({
        id: 'admin/key-steward.reminder.sectionLabel',
      })}
    >
      {snoozedUntil !== null && (
        <p
          ref={notice}
          tabIndex={-1}
          role="status"
          className="f6 c-muted-1 mt0 mb3"
          data-snoozed
        >
          {intl.formatMessage(
            { id: 'admin/key-steward.reminder.snoozed' },
            {
              date: snoozedUntil
                ? intl.formatDate(snoozedUntil, {
                    year: 'numeric',
                    month: 'long',
                    day: 'numeric',
                    timeZone: 'UTC',
                  })
                : '',
            }
          )}
        </p>
      )}
      {reminders.map((r) => (
        <ReminderItem
          key={r.id}
          r={r}
          here={here}
          onSnoozed={setSnoozedUntil}
        />
      ))}
    </section>
  )
}

export default Reminders

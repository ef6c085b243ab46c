import React from 'react'
import { useQuery } from 'react-apollo'
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl'
import { PageBlock } from 'vtex.styleguide'

import Link from '../components/Link'
import { endSentence } from '../utils/endSentence'
import { scanTime } from '../utils/scanTime'
import { BASE } from '../components/PageFrame.constants'
import CHANGES from '../graphql/changes.gql'
import type {
  KeyStewardChangesQuery,
  KeyStewardChangesQueryVariables,
} from '../graphql/types.generated'

type Changes = NonNullable<KeyStewardChangesQuery['changes']>
type RoleChange = Changes['rolesAdded'][number]
/** The daily scan as the Overview's one line needs it. */
type ScanLine = NonNullable<KeyStewardChangesQuery['schedule']>

const Group: React.FC<{ id: string; items: string[] }> = ({ id, items }) =>
  items.length ? (
    <li className="mb3" data-change={id}>
      <span className="fw5">
        <FormattedMessage
          id={`admin/key-steward.changes.${id}`}
          values={{ count: items.length }}
        />
      </span>
      <span className="db f6 c-muted-1">
        {items.slice(0, 10).join(', ')}
        {items.length > 10 ? '…' : ''}
      </span>
    </li>
  ) : null

/** One line on the daily scan: its state and when it ran; the details are in Settings. */
const DailyScanLine: React.FC<{ s: ScanLine }> = ({ s }) => {
  const intl = useIntl()
  const worst = s.lastRun
    ? ['FAILED', 'PARTIAL'].find((state) =>
        [s.lastRun!.inventory, s.lastRun!.storefront, s.lastRun!.email].some(
          (step) => step.state === state
        )
      ) ?? 'OK'
    : null

  const id = !s.registered
    ? 'stopped'
    : !s.healthy
    ? 'failing'
    : !s.lastRun
    ? 'waiting'
    : worst === 'PARTIAL'
    ? 'partial'
    : 'ok'

  const when = (value?: string | null) =>
    value ? scanTime(intl.locale, value) : ''

  return (
    <p
      className={`mt0 f6 ${id === 'failing' ? 'c-danger' : 'c-muted-1'}`}
      data-testid="daily-scan-line"
      data-state={id}
    >
      {endSentence(
        intl.formatMessage(
          { id: `admin/key-steward.dailyScan.line.${id}` },
          { last: when(s.lastRun?.finishedAt), next: when(s.nextRunAt) }
        )
      )}{' '}
      <Link to={`${BASE}/settings`}>
        <FormattedMessage id="admin/key-steward.dailyScan.line.details" />
      </Link>
    </p>
  )
}

const WhatChanged: React.FC = () => {
  const intl = useIntl()
  const { data } = useQuery<
    KeyStewardChangesQuery,
    KeyStewardChangesQueryVariables
  >(CHANGES, { errorPolicy: 'ignore' })

  if (!data) return null
  const c = data.changes
  const role = (r: RoleChange) => `${r.label}: ${r.role}`
  const any =
    c &&
    [
      c.keysCreated,
      c.keysRemoved,
      c.keysDeactivated,
      c.keysReactivated,
      c.rolesAdded,
      c.rolesRemoved,
      c.keysCrossedRotation,
      c.rolesNotCompared,
    ].some((l) => l.length)

  return (
    <PageBlock
      title={intl.formatMessage({ id: 'admin/key-steward.changes.title' })}
    >
      {data.schedule && <DailyScanLine s={data.schedule} />}
      {!c || !c.from ? (
        <p className="c-muted-1 mt0">
          <FormattedMessage id="admin/key-steward.changes.notYet" />
          {/* once the scan's line above says how it stands, how it gets set up is old news */}
          {!data.schedule && (
            <>
              {' '}
              <FormattedMessage id="admin/key-steward.changes.setUpOnOpen" />
            </>
          )}
        </p>
      ) : (
        <>
          <p className="mt0 f6 c-muted-1">
            <FormattedMessage
              id="admin/key-steward.changes.between"
              values={{
                from: (
                  <FormattedDate
                    value={c.from}
                    year="numeric"
                    month="short"
                    day="numeric"
                  />
                ),
                to: (
                  <FormattedDate
                    value={c.to}
                    year="numeric"
                    month="short"
                    day="numeric"
                  />
                ),
              }}
            />
          </p>
          {!any && (
            <p>
              <FormattedMessage id="admin/key-steward.changes.none" />
            </p>
          )}
          <ul className="list pa0 ma0">
            <Group id="keysCreated" items={c.keysCreated.map((k) => k.label)} />
            <Group id="keysRemoved" items={c.keysRemoved.map((k) => k.label)} />
            <Group
              id="keysDeactivated"
              items={c.keysDeactivated.map((k) => k.label)}
            />
            <Group
              id="keysReactivated"
              items={c.keysReactivated.map((k) => k.label)}
            />
            <Group id="rolesAdded" items={c.rolesAdded.map(role)} />
            <Group id="rolesRemoved" items={c.rolesRemoved.map(role)} />
            <Group
              id="keysCrossedRotation"
              items={c.keysCrossedRotation.map((k) => k.label)}
            />
            <Group
              id="rolesNotCompared"
              items={c.rolesNotCompared.map((s) => s.label)}
            />
          </ul>
        </>
      )}
    </PageBlock>
  )
}

export default WhatChanged

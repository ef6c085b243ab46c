// What costs the score the most points, one line per key (or account rule), and why a score
// with a CRITICAL finding stays below the amber band. The service ranks and groups them
// (node/domain/hygiene.ts); this only names them, linking keys to their page.
import React from 'react'
import { FormattedMessage, useIntl } from 'react-intl'

import { ruleName } from '../components/ruleName'
import SeverityBadge from '../components/SeverityBadge'
import SubjectName from '../components/SubjectName'
import type { Hygiene, ScoreCost } from '../types'

/** What the cost list needs of the hygiene score. */
export type ScoreCap = Pick<
  Hygiene,
  'score' | 'uncappedScore' | 'capped' | 'topCosts'
>

/** One decimal, in the admin's language (as the points are shown). */
const useOneDecimal = () => {
  const intl = useIntl()

  return (n: number) => intl.formatNumber(n, { maximumFractionDigits: 1 })
}

/**
 * How much of a cost is the CRITICAL cap's: a key's findings alone cost a few points (its share
 * of the average), and a figure such as −29 beside "at most 25 per key" read as a contradiction.
 */
const CapSplit: React.FC<{ cost: ScoreCost }> = ({ cost: c }) => {
  const number = useOneDecimal()

  if (!(c.capPoints > 0)) return null
  // what is left once the cap's share is taken out, rounded as the figures are
  const own = Math.round((c.points - c.capPoints) * 10) / 10

  return (
    <span className="db f7 c-muted-1 mt1" data-cost-split>
      {own > 0 ? (
        <FormattedMessage
          id="admin/key-steward.overview.costSplit"
          values={{
            own: number(own),
            cap: number(c.capPoints),
            unknown: c.rule === null ? 'yes' : 'no',
          }}
        />
      ) : (
        <FormattedMessage id="admin/key-steward.overview.costCapOnly" />
      )}
    </span>
  )
}

const ScoreCosts: React.FC<{ hygiene: ScoreCap }> = ({ hygiene }) => {
  const intl = useIntl()

  return (
    <section
      className="mt4"
      data-testid="score-costs"
      aria-labelledby="score-costs-title"
    >
      {hygiene.capped && (
        <p className="c-danger mt0" data-testid="score-capped">
          <FormattedMessage
            id="admin/key-steward.overview.capped"
            values={{ score: hygiene.score, uncapped: hygiene.uncappedScore }}
          />
        </p>
      )}
      {hygiene.topCosts.length > 0 && (
        <>
          <h3 id="score-costs-title" className="t-heading-5 mt0 mb3">
            <FormattedMessage id="admin/key-steward.overview.costs" />
          </h3>
          <ol className="pa0 ma0 list">
            {hygiene.topCosts.map((c) => (
              <li
                key={`${c.subjectType}:${c.subjectId}:${c.rule ?? ''}`}
                className="flex items-start pv2 bb b--muted-5"
                data-cost-rule={c.rule ?? ''}
                data-cost-subject={c.subjectId}
              >
                <span className="mr3 flex-none" style={{ minWidth: '5.5rem' }}>
                  {c.severity && <SeverityBadge severity={c.severity} />}
                </span>
                <span className="flex-auto">
                  <span className="db fw5">
                    {/* a penalty kept with no one behind it: named by its rule */}
                    {c.unchecked && c.rule ? (
                      ruleName(intl, c.rule, c.neverReviewed)
                    ) : (
                      <SubjectName
                        subjectType={c.subjectType}
                        subjectId={c.subjectId}
                        label={c.subjectLabel}
                      />
                    )}
                  </span>
                  <span className="db f7 c-muted-1 mt1">
                    {c.unchecked ? (
                      <span data-cost-unchecked>
                        <FormattedMessage id="admin/key-steward.overview.costUnchecked" />
                      </span>
                    ) : c.rule ? (
                      c.rules
                        .map((r) => ruleName(intl, r, c.neverReviewed))
                        .join(' · ')
                    ) : (
                      <FormattedMessage id="admin/key-steward.overview.costRolesUnknown" />
                    )}
                  </span>
                </span>
                <span className="ml3 flex-none tr" style={{ maxWidth: '45%' }}>
                  <span className="db fw6 c-danger">
                    <FormattedMessage
                      id="admin/key-steward.overview.costPoints"
                      // a number, not a formatted one: pt says "−0,1 ponto", "−2 pontos"
                      values={{ points: Math.round(c.points * 10) / 10 }}
                    />
                  </span>
                  <CapSplit cost={c} />
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

export default ScoreCosts

// The service refuses a paging argument out of range instead of clamping it (node/domain/
// pagingArgs.ts): reviewDecisions takes a limit from 1 to MAX_PAGE and an offset from 0, a
// review's audit a limit from 1. What the Admin asks for stays inside, read against the service's
// own source so a change there is noticed here.
import { readFileSync } from 'fs'
import { join } from 'path'

import { LOG_PAGE } from './CompletedReview'
import { PAGE } from './DecisionTable'
import { EXTERNAL_NAMED } from './useExternalInSelection'

const source = (path: string) =>
  readFileSync(join(__dirname, '..', '..', '..', path), 'utf8')

const MAX_PAGE = Number(
  /export const MAX_PAGE = (\d+)/.exec(
    source('node/domain/review/decisionPage.ts')
  )![1]
)

const inRange = (n: number, min: number, max = Infinity) =>
  Number.isInteger(n) && n >= min && n <= max

describe('the paging the Admin asks the service for', () => {
  it('asks reviewDecisions for pages the service takes (limit 1 to MAX_PAGE)', () => {
    expect(MAX_PAGE).toBeGreaterThan(1)
    // the table's page, the external keys a bulk refusal names, the counts (limit: 1)
    for (const limit of [PAGE, EXTERNAL_NAMED])
      expect(inRange(limit, 1, MAX_PAGE)).toBe(true)
    const counted = /reviewDecisions\([^)]*limit: (\d+)/.exec(
      source('react/admin/graphql/reviewCount.gql')
    )!

    expect(inRange(Number(counted[1]), 1, MAX_PAGE)).toBe(true)
  })

  it('asks a review for its log from 1 entry, growing by whole pages', () => {
    // "Show more" adds LOG_PAGE * 5 to the limit: still a whole number from 1
    expect(inRange(LOG_PAGE, 1)).toBe(true)
    expect(inRange(LOG_PAGE + LOG_PAGE * 5, 1)).toBe(true)
  })
})

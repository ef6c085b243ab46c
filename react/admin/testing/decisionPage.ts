// The review's decision page as the service answers it, for the review component tests: one
// place that knows the query's variables and the answer's shape (a new field is added here once).
import PAGE from '../graphql/reviewDecisions.gql'

/** A key row of the decision page; `over` changes what a test is about. */
export const reviewKey = (over: Record<string, unknown> = {}) => ({
  id: 'k-erp',
  appKey: 'vtexappkey-acme-ERPSYN',
  label: 'ERP orders sync',
  labelNow: null as string | null,
  isActive: true,
  ageDays: 10,
  roles: ['Call center operator'],
  risky: false,
  external: false,
  account: null,
  findings: [] as Array<{ rule: string; severity: string }>,
  newFindings: [] as Array<{ rule: string; severity: string }>,
  decision: null as unknown,
  ...over,
})

interface PageMock {
  filter: Record<string, unknown>
  keys: unknown[]
  /** the review asked for by id (a completed one); none: the open review */
  reviewId?: string | null
  /** the rules found on the review's keys (DecisionPage.rules) */
  rules?: string[]
  /** all matching keys (default: the keys given) */
  total?: number
  /** the page's first row among them */
  offset?: number
}

/** The mocked answer to a page (50, riskiest first; the first by default) of keys matching `filter`. */
export const decisionPage = ({
  filter,
  keys,
  reviewId = null,
  rules = [],
  total = keys.length,
  offset = 0,
}: PageMock) => ({
  request: {
    query: PAGE,
    variables: {
      ...(reviewId ? { reviewId } : {}),
      filter,
      sort: 'RISK',
      offset,
      limit: 50,
    },
  },
  result: {
    data: {
      reviewDecisions: {
        reviewId: 'r1',
        total,
        offset,
        keys,
        rules,
        findingsNowKnown: true,
      },
    },
  },
})

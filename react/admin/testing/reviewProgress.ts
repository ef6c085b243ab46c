// A review's progress as the service answers it, for component tests: every field in one place
// (an answer missing one is dropped by Apollo's mock, and each new field had to be added to six
// test files), each test giving only the figures it is about.
import type { Review } from '../Review/types'

type Progress = Review['progress']

export const reviewProgress = (over: Partial<Progress> = {}): Progress => ({
  keysTotal: 0,
  keysDecided: 0,
  practicesTotal: 7,
  practicesClosed: 0,
  openPractices: [],
  decisionCounts: [],
  changesAsked: 0,
  changesCarriedOut: 0,
  changesInProgress: 0,
  changesNotStarted: 0,
  changesOutside: 0,
  criticalChangesPending: 0,
  keptWithoutReason: 0,
  keptWithoutReasonKeys: [],
  keptExposed: 0,
  keptCritical: 0,
  ...over,
})

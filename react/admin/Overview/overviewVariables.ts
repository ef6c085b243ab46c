// What the Overview asks Query.findings for: the most urgent findings only (the total comes from
// the counts). Also what a change to a key reads again for it (actions/useKeyChanged.ts).
export const URGENT = 8

export const OVERVIEW_VARIABLES = { first: URGENT }

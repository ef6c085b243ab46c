// The longest search the service answers (node/domain/keyList.ts MAX_SEARCH_LENGTH, also the
// review's filter.search). A longer one pasted into a search box was refused: the API keys and
// Users pages kept the last list under "could not load new data", and the review's table kept
// listing every key, unfiltered, with no word of why (attack11 #2). The box keeps this much.
export const MAX_SEARCH_LENGTH = 200

export const withinSearchLimit = (text: string): string =>
  text.slice(0, MAX_SEARCH_LENGTH)

// A review's id as the app makes it (its day and random hex: services/review/reviews.ts) and as
// its document's name may hold it: what Open, Export and the Overview's latest review can ask for.
// The index's entries are read by it too (readableEntry), so a row the history lists can be opened.
export const isReviewId = (id: unknown): id is string =>
  typeof id === 'string' && /^[0-9a-z-]{1,64}$/.test(id)

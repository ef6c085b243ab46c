// The order of names wherever a list is sorted by them (the API keys page, the users, the review's
// table): numbers inside compare as numbers ("Orders sync #124" before "#1010"), case and accents
// aside. One collator: locale-aware order at the cost of a plain comparison.
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

export const compareLabels = (a: string, b: string): number =>
  collator.compare(a, b)

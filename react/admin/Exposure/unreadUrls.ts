// The URLs a scan could not read, as the Exposure page lists them: its `errors` but those that
// answered 404 or 410 (`notFound`: answers, by the service's completeness rule, listed apart).
// The service keeps `errors` whole (the GraphQL contract grows, it does not change).
interface Note {
  url: string
  reason: string
}

interface Noted {
  errors: Note[]
  errorCount: number
  notFound: Note[]
  notFoundCount: number
}

export function unreadUrls(scan: Noted): { items: Note[]; count: number } {
  const answered = new Set(scan.notFound.map((n) => `${n.url}\n${n.reason}`))
  const items = scan.errors.filter(
    (e) => !answered.has(`${e.url}\n${e.reason}`)
  )

  return {
    items,
    count: Math.max(items.length, scan.errorCount - scan.notFoundCount),
  }
}

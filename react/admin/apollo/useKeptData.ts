// A query read again that fails (the page's re-read after a change, reFetchObservableQueries
// after a token renewal) gives one render with no data before Apollo hands the last answer back:
// everything the page shows under its data unmounted and mounted again, and with it the window
// showing a renewed token, which is shown once and lives in its button (attack13 #6). This keeps
// the last answer of the same view (a key's id) through that render; another view starts empty.
import { useRef } from 'react'

export function useKeptData<T>(
  data: T | null | undefined,
  view: string
): T | undefined {
  const kept = useRef<{ view: string; data: T } | null>(null)

  if (data != null) kept.current = { view, data }

  return data ?? (kept.current?.view === view ? kept.current.data : undefined)
}

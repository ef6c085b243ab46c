// The page's query string, read and written through the Admin runtime when it offers it
// (render-runtime's setQuery), else through the frame's own history. The Keys page's last view
// is also remembered for this tab, so "Back to API keys" from a key page returns to it.
const LAST_KEYS_VIEW = 'key-steward.keys.view'

export function currentSearch(): string {
  return typeof window === 'undefined' ? '' : window.location.search
}

export function replaceQuery(
  params: Record<string, string | undefined>,
  setQuery?: (
    q: Record<string, string | undefined>,
    o?: { replace?: boolean; merge?: boolean }
  ) => void
): void {
  if (setQuery) {
    setQuery(params, { replace: true, merge: false })

    return
  }

  const search = new URLSearchParams()

  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v)
  const s = search.toString()

  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${s ? `?${s}` : ''}`
  )
}

export function rememberKeysView(queryString: string): void {
  try {
    window.sessionStorage.setItem(LAST_KEYS_VIEW, queryString)
  } catch {
    // storage unavailable (private mode): the back link opens the default view
  }
}

/** The query string of the Keys page as the admin last left it in this tab ('' for none). */
export function lastKeysView(): string {
  let q = ''

  try {
    q = window.sessionStorage.getItem(LAST_KEYS_VIEW) ?? ''
  } catch {
    q = ''
  }

  return q.startsWith('?') ? q : ''
}

/** The Keys page as the admin last left it in this tab. */
export function keysViewHref(base: string): string {
  return `${base}/keys${lastKeysView()}`
}

const OPENED_KEY = 'key-steward.keys.opened'

/** The key opened from the list, so the list coming back puts focus (and the view) on its row. */
export function rememberOpenedKey(id: string): void {
  try {
    window.sessionStorage.setItem(OPENED_KEY, id)
  } catch {
    // storage unavailable: the list opens at its top
  }
}

/** The key last opened from the list, once (then forgotten). */
export function takeOpenedKey(): string | null {
  try {
    const id = window.sessionStorage.getItem(OPENED_KEY)

    window.sessionStorage.removeItem(OPENED_KEY)

    return id
  } catch {
    return null
  }
}

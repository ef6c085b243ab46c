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

/** The Keys page as the admin last left it in this tab. */
export function keysViewHref(base: string): string {
  let q = ''

  try {
    q = window.sessionStorage.getItem(LAST_KEYS_VIEW) ?? ''
  } catch {
    q = ''
  }

  return `${base}/keys${q.startsWith('?') ? q : ''}`
}

// The two URLs of one Admin page, as VTEX Admin v4 draws it: the browser shows /admin/<route>
// (admin/navigation.json, deep links) and the Admin loads the app's page in a frame from
// /admin/app/<route> (admin/routes.json). The top frame and the app frame talk by postMessage.

export const TOP_PREFIX = '/admin'
export const FRAME_PREFIX = '/admin/app'

/** `/admin/key-steward/keys` → `/admin/app/key-steward/keys`. */
export function toFramePath(topPath: string): string {
  return `${FRAME_PREFIX}${topPath.slice(TOP_PREFIX.length)}`
}

/** `/admin/app/key-steward/keys` → `/admin/key-steward/keys` (other paths unchanged). */
export function toTopPath(framePath: string): string {
  return framePath === FRAME_PREFIX || framePath.startsWith(`${FRAME_PREFIX}/`)
    ? `${TOP_PREFIX}${framePath.slice(FRAME_PREFIX.length)}`
    : framePath
}

/**
 * The page's own query string, without the shell's `session` and `locale` (the top bar remembers
 * those): what a page that just loaded tells the top frame, so the address bar keeps a deep link's
 * filters and a second reload still opens the same view.
 */
export function pageSearch(search: string): string {
  const params = new URLSearchParams(search)

  params.delete('locale')
  params.delete('session')
  const rest = params.toString()

  return rest ? `?${rest}` : ''
}

/**
 * What the app frame tells the top frame it shows: its path and the page's own query. The frame's
 * URL also carries `locale` (frameUrl), which the page's setQuery keeps when it merges its
 * parameters: told as is, the address bar read `?locale=es&locale=es&review=…` (walk14 #13).
 */
export const shownPath = (pathname: string, search: string): string =>
  pathname + pageSearch(search)

/**
 * The app frame's URL for a top path, which may carry the page's query string (a list's filters):
 * the frame gets that query once, without the shell's own `session` and `locale` the top path may
 * hold, and the language the top bar picked.
 */
export function frameUrl(topPath: string, locale: string): string {
  const [pathname, search = ''] = topPath.split('?')
  const page = pageSearch(search)

  return `${toFramePath(pathname)}${
    page ? `${page}&` : '?'
  }locale=${encodeURIComponent(locale)}`
}

/** The app frame tells the top frame where it is; the top frame tells the app frame where to go. */
export type ShellMessage =
  | { type: 'ks-shell:navigated'; path: string; replace?: boolean }
  | { type: 'ks-shell:navigate'; path: string }

export function isShellMessage(data: unknown): data is ShellMessage {
  const m = data as ShellMessage | null

  return (
    !!m &&
    typeof m === 'object' &&
    (m.type === 'ks-shell:navigated' || m.type === 'ks-shell:navigate') &&
    typeof m.path === 'string'
  )
}

// The shell's stand-in for vtex.render-runtime: the route the Admin matched (with params) and
// navigate(). Inside the Admin's frame, navigation replaces the frame's URL (so the browser's
// history has one entry per page, the top frame's) and tells the top frame, which shows
// /admin/<route>; the top frame's sidebar and back button send the frame where to go. Opened on
// its own, the page uses the browser's history directly.
import React, { createContext, useContext, useEffect, useState } from 'react'

import type { ShellMessage } from './urls'
import { isShellMessage, shownPath } from './urls'

export interface RouteDef {
  id: string
  component: string
  path: string
}
export interface Matched {
  route: RouteDef
  params: Record<string, string>
}

export function matchRoute(
  routes: RouteDef[],
  pathname: string
): Matched | null {
  const clean = pathname.replace(/\/+$/, '') || '/'
  // Most specific first: longer paths, then static before parametrised.
  const ordered = [...routes].sort((a, b) => b.path.length - a.path.length)

  for (const route of ordered) {
    const names: string[] = []
    const re = new RegExp(
      `^${route.path.replace(/:(\w+)/g, (_, n: string) => {
        names.push(n)

        return '([^/]+)'
      })}$`
    )

    const m = re.exec(clean)

    if (m)
      return {
        route,
        params: Object.fromEntries(
          names.map((n, i) => [n, decodeURIComponent(m[i + 1])])
        ),
      }
  }

  return null
}

interface RuntimeValue {
  navigate: (o: { to: string }) => void
  /** render-runtime's setQuery: changes the page's query string without navigating */
  setQuery?: (
    query: Record<string, string | undefined>,
    options?: { replace?: boolean; merge?: boolean }
  ) => void
  route: { params: Record<string, string>; path: string }
  /** render-runtime's query: the page's query string, new on every navigation (the page stays
   * mounted when only the query changes, as in the Admin) */
  query: Record<string, string>
  culture: { locale: string }
}

const Ctx = createContext<RuntimeValue | null>(null)

export function useRuntime(): RuntimeValue {
  const v = useContext(Ctx)

  if (!v) throw new Error('useRuntime outside the Admin shell')

  return v
}

const embedded = window.parent !== window

function tellTop(message: ShellMessage): void {
  if (embedded) window.parent.postMessage(message, window.location.origin)
}

/** Where the frame is: its path and query string, and how to go elsewhere. */
export function usePathname(): [
  string,
  (to: string) => void,
  string,
  () => void
] {
  const [pathname, setPathname] = useState(window.location.pathname)
  // The query is state too: a navigation to the same path with another query (a reminder's link
  // to /review from a completed review shown by ?review=) re-renders the page with the new
  // query without mounting it again, as render-runtime does (its README documents navigate and
  // setQuery; vtex-apps admin pages read the current query as `useRuntime().query`).
  const [search, setSearch] = useState(window.location.search)
  const go = (to: string) => {
    const url = new URL(to, window.location.origin)

    if (embedded)
      window.history.replaceState(null, '', url.pathname + url.search)
    else window.history.pushState(null, '', url.pathname + url.search)
    setPathname(url.pathname)
    setSearch(url.search)
    window.scrollTo(0, 0)
    tellTop({
      type: 'ks-shell:navigated',
      path: shownPath(url.pathname, url.search),
    })
  }

  useEffect(() => {
    const onPop = () => {
      setPathname(window.location.pathname)
      setSearch(window.location.search)
    }

    const onMessage = (e: MessageEvent) => {
      if (
        e.source !== window.parent ||
        e.origin !== window.location.origin ||
        !isShellMessage(e.data)
      )
        return
      if (
        e.data.type === 'ks-shell:navigate' &&
        e.data.path !== window.location.pathname + window.location.search
      )
        go(e.data.path)
    }

    window.addEventListener('popstate', onPop)
    window.addEventListener('message', onMessage)
    // Also says the frame is ready for navigate messages. With the page's query: the bare path
    // emptied the address bar's filters on every load, so a second reload lost the view.
    tellTop({
      type: 'ks-shell:navigated',
      path: shownPath(window.location.pathname, window.location.search),
      replace: true,
    })

    return () => {
      window.removeEventListener('popstate', onPop)
      window.removeEventListener('message', onMessage)
    }
  }, [])

  // after setQuery: the runtime's query follows the URL, as render-runtime's does
  const querySet = () => setSearch(window.location.search)

  return [pathname, go, search, querySet]
}

/** The page's query string changes (filters of a list): the frame's URL, and the top frame's. */
export function setQuery(
  query: Record<string, string | undefined>,
  options: { merge?: boolean } = {}
): void {
  const params = options.merge
    ? new URLSearchParams(window.location.search)
    : new URLSearchParams()

  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === '') params.delete(k)
    else params.set(k, v)
  }

  const search = params.toString() ? `?${params.toString()}` : ''

  window.history.replaceState(null, '', window.location.pathname + search)
  tellTop({
    type: 'ks-shell:navigated',
    path: shownPath(window.location.pathname, search),
    replace: true,
  })
}

export const RuntimeProvider: React.FC<{ value: RuntimeValue }> = ({
  value,
  children,
}) => <Ctx.Provider value={value}>{children}</Ctx.Provider>

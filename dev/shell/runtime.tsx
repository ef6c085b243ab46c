// The shell's stand-in for vtex.render-runtime: the route the Admin matched (with params) and
// navigate(), on top of the browser's history.
import React, { createContext, useContext, useEffect, useState } from 'react'

export interface RouteDef { id: string; component: string; path: string }
export interface Matched { route: RouteDef; params: Record<string, string> }

export function matchRoute(routes: RouteDef[], pathname: string): Matched | null {
  const clean = pathname.replace(/\/+$/, '') || '/'
  // Most specific first: longer paths, then static before parametrised.
  const ordered = [...routes].sort((a, b) => b.path.length - a.path.length)
  for (const route of ordered) {
    const names: string[] = []
    const re = new RegExp(`^${route.path.replace(/:(\w+)/g, (_, n: string) => { names.push(n); return '([^/]+)' })}$`)
    const m = re.exec(clean)
    if (m) return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) }
  }
  return null
}

interface RuntimeValue {
  navigate: (o: { to: string }) => void
  route: { params: Record<string, string>; path: string }
  culture: { locale: string }
}

const Ctx = createContext<RuntimeValue | null>(null)

export function useRuntime(): RuntimeValue {
  const v = useContext(Ctx)
  if (!v) throw new Error('useRuntime outside the Admin shell')
  return v
}

export function usePathname(): [string, (to: string) => void] {
  const [pathname, setPathname] = useState(window.location.pathname)
  useEffect(() => {
    const onPop = () => setPathname(window.location.pathname)
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])
  const go = (to: string) => {
    window.history.pushState(null, '', to)
    setPathname(new URL(to, window.location.origin).pathname)
    window.scrollTo(0, 0)
  }
  return [pathname, go]
}

export const RuntimeProvider: React.FC<{ value: RuntimeValue }> = ({ value, children }) => <Ctx.Provider value={value}>{children}</Ctx.Provider>

// The local Admin shell: a frame like the VTEX Admin (top bar, side navigation from
// admin/navigation.json) that renders the app's real route components (admin/routes.json) with
// react-apollo on /_v/graphql and react-intl. Dev-only: never shipped.
import React, { useEffect, useMemo, useState } from 'react'
import ReactDOM from 'react-dom'
import { ApolloProvider } from 'react-apollo'
import ApolloClient from 'apollo-client'
import { InMemoryCache } from 'apollo-cache-inmemory'
import { HttpLink } from 'apollo-link-http'
import { IntlProvider } from 'react-intl'
import 'vtex-tachyons/tachyons.css'

import navigation from '../../admin/navigation.json'
import routesJson from '../../admin/routes.json'
import en from '../../messages/en.json'
import es from '../../messages/es.json'
import pt from '../../messages/pt.json'
import { components } from './.generated/components'
import { matchRoute, RouteDef, RuntimeProvider, usePathname } from './runtime'

const MESSAGES: Record<string, Record<string, string>> = { en, pt, es }
const LOCALES = [
  { id: 'en', tag: 'en-US', label: 'English' },
  { id: 'pt', tag: 'pt-BR', label: 'Português' },
  { id: 'es', tag: 'es-AR', label: 'Español' },
]
const routes: RouteDef[] = Object.entries(routesJson as Record<string, { component: string; path: string }>).map(([id, r]) => ({ id, ...r }))
const blocks = (Array.isArray(navigation) ? navigation : [navigation]) as Array<{ titleId: string; subSectionItems: Array<{ path: string; labelId: string }> }>

interface Session { cookie: string; email: string }

function setSessionCookie(value: string) {
  document.cookie = `VtexIdclientAutCookie=${encodeURIComponent(value)}; path=/; SameSite=Lax`
}

const Shell: React.FC<{ sessions: Session[]; account: string }> = ({ sessions, account }) => {
  const params = new URLSearchParams(window.location.search)
  const [locale, setLocale] = useState(params.get('locale') ?? localStorage.getItem('ks-locale') ?? 'en')
  const [session, setSession] = useState(params.get('session') ?? localStorage.getItem('ks-session') ?? sessions[0]?.cookie ?? '')
  const [pathname, go] = usePathname()
  const tag = LOCALES.find(l => l.id === locale)?.tag ?? 'en-US'

  setSessionCookie(session)
  useEffect(() => { localStorage.setItem('ks-locale', locale); document.documentElement.lang = tag }, [locale, tag])
  useEffect(() => { localStorage.setItem('ks-session', session) }, [session])

  const client = useMemo(() => new ApolloClient({
    cache: new InMemoryCache(),
    link: new HttpLink({ uri: '/_v/graphql', credentials: 'same-origin', headers: { 'x-vtex-locale': tag } }),
  }), [session, tag])

  const matched = matchRoute(routes, pathname)
  const Page = matched ? components[matched.route.component] : null
  const messages = MESSAGES[locale] ?? en
  const t = (id: string) => messages[id] ?? id

  return (
    <IntlProvider locale={tag} messages={messages} key={tag}>
      <div className="min-vh-100 bg-muted-5 sans-serif">
        <header className="flex items-center justify-between ph5 pv3 bg-base--inverted c-on-base--inverted" role="banner">
          <div className="flex items-center">
            <span className="fw6 f5 mr4">VTEX</span>
            <span className="f6 o-80">{account}</span>
            <span className="f7 ml3 ph2 pv1 br2 ba b--white-30 o-70">local platform</span>
          </div>
          <div className="flex items-center f6">
            <label className="mr2" htmlFor="shell-session">Session</label>
            <select id="shell-session" className="mr4 pa1" value={session} onChange={e => setSession(e.target.value)}>
              {sessions.map(s => <option key={s.cookie} value={s.cookie}>{s.email}</option>)}
            </select>
            <label className="mr2" htmlFor="shell-locale">Language</label>
            <select id="shell-locale" className="pa1" value={locale} onChange={e => setLocale(e.target.value)}>
              {LOCALES.map(l => <option key={l.id} value={l.id}>{l.label}</option>)}
            </select>
          </div>
        </header>
        <div className="flex">
          <nav className="w5 flex-none bg-base min-vh-100 br b--muted-4 pv5" aria-label="Admin">
            <div className="ph5 f7 ttu c-muted-1 mb3">Account settings</div>
            {blocks.map(b => (
              <div key={b.titleId}>
                <div className="ph5 pv2 fw6 f6">{t(b.titleId)}</div>
                <ul className="list pa0 ma0">
                  {b.subSectionItems.map(item => {
                    const current = matched?.route.path === item.path
                    return (
                      <li key={item.path}>
                        <a
                          href={item.path}
                          aria-current={current ? 'page' : undefined}
                          className={`db ph6 pv2 f6 no-underline ${current ? 'c-action-primary fw5 bg-action-secondary' : 'c-on-base hover-bg-muted-5'}`}
                          onClick={e => { e.preventDefault(); go(item.path) }}
                        >
                          {t(item.labelId)}
                        </a>
                      </li>
                    )
                  })}
                </ul>
              </div>
            ))}
          </nav>
          <main className="flex-auto" key={`${session}|${tag}`}>
            <ApolloProvider client={client}>
              <RuntimeProvider value={{ navigate: ({ to }) => go(to), route: { params: matched?.params ?? {}, path: pathname }, culture: { locale: tag } }}>
                {Page ? <Page /> : <div className="pa7">No route for {pathname}</div>}
              </RuntimeProvider>
            </ApolloProvider>
          </main>
        </div>
      </div>
    </IntlProvider>
  )
}

fetch('/_shell/sessions')
  .then(r => r.json())
  .then(({ sessions, account }: { sessions: Session[]; account: string }) => {
    ReactDOM.render(<Shell sessions={sessions} account={account} />, document.getElementById('root'))
  })

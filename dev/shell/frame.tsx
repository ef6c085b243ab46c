// The app's page as the VTEX Admin loads it in its frame (/admin/app/<route>): the route
// component that admin/routes.json names, with react-apollo on /_v/graphql, react-intl and the
// runtime stand-in. The session and language come from the top frame (./prefs). Opened on its
// own, the same page shows without the Admin's top bar and sidebar. Dev-only: never shipped.
import React, { useMemo } from 'react'
import ReactDOM from 'react-dom'
import { ApolloProvider } from 'react-apollo'
import ApolloClient from 'apollo-client'
import { InMemoryCache } from 'apollo-cache-inmemory'
import { HttpLink } from 'apollo-link-http'
import { IntlProvider } from 'react-intl'
import 'vtex-tachyons/tachyons.css'

import routesJson from '../../admin/routes.json'
import en from '../../messages/en.json'
import es from '../../messages/es.json'
import pt from '../../messages/pt.json'
import { components } from './.generated/components'
import type { Session } from './prefs'
import { initialPrefs, loadSessions, localeTag, savePrefs } from './prefs'
import type { RouteDef } from './runtime'
import { matchRoute, RuntimeProvider, setQuery, usePathname } from './runtime'

const MESSAGES: Record<string, Record<string, string>> = { en, pt, es }
const routes: RouteDef[] = Object.entries(
  routesJson as Record<string, { component: string; path: string }>
).map(([id, r]) => ({ id, ...r }))

const AppFrame: React.FC<{ sessions: Session[] }> = ({ sessions }) => {
  // Fixed for the frame's life: the top frame reloads the frame when either changes.
  const [{ session, locale }] = React.useState(() => initialPrefs(sessions))
  const [pathname, go, search, querySet] = usePathname()
  const tag = localeTag(locale)

  savePrefs(session, locale)

  const client = useMemo(
    () =>
      new ApolloClient({
        cache: new InMemoryCache(),
        link: new HttpLink({
          uri: '/_v/graphql',
          credentials: 'same-origin',
          headers: { 'x-vtex-locale': tag },
        }),
      }),
    [tag]
  )

  const matched = matchRoute(routes, pathname)
  const Page = matched ? components[matched.route.component] : null

  return (
    <IntlProvider locale={tag} messages={MESSAGES[locale] ?? en}>
      <ApolloProvider client={client}>
        <RuntimeProvider
          value={{
            navigate: ({ to }) => go(to),
            setQuery: (query, options) => {
              setQuery(query, options)
              querySet()
            },
            route: { params: matched?.params ?? {}, path: pathname },
            query: Object.fromEntries(new URLSearchParams(search)),
            culture: { locale: tag },
          }}
        >
          <main className="min-vh-100 bg-muted-5 sans-serif">
            {Page ? (
              <Page />
            ) : (
              <div className="pa7">No route for {pathname}</div>
            )}
          </main>
        </RuntimeProvider>
      </ApolloProvider>
    </IntlProvider>
  )
}

loadSessions().then(({ sessions }) => {
  const root = document.getElementById('root')

  ReactDOM.render(<AppFrame sessions={sessions} />, root)
  // When the Admin around the frame navigates away, the frame's requests are aborted while it
  // is being detached; rendering their errors into a detached document hangs Chromium's renderer.
  window.addEventListener('pagehide', () =>
    ReactDOM.unmountComponentAtNode(root!)
  )
})

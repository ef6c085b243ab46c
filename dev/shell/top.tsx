// The local Admin at /admin/<route>, drawn like VTEX Admin v4: a top bar (with the developer's
// session and language switchers), the sidebar from admin/navigation.json, and the app's page in
// a frame at /admin/app/<route>. The browser's URL follows the page in the frame, so reloads,
// deep links and the back button work as in the real Admin. Dev-only: never shipped.
import React, { useEffect, useRef, useState } from 'react'
import ReactDOM from 'react-dom'
import 'vtex-tachyons/tachyons.css'

import navigation from '../../admin/navigation.json'
import en from '../../messages/en.json'
import es from '../../messages/es.json'
import pt from '../../messages/pt.json'
import type { Session } from './prefs'
import { initialPrefs, loadSessions, LOCALES, savePrefs } from './prefs'
import type { ShellMessage } from './urls'
import { frameUrl, isShellMessage, toFramePath, toTopPath } from './urls'

const MESSAGES: Record<string, Record<string, string>> = { en, pt, es }
const blocks = (
  Array.isArray(navigation) ? navigation : [navigation]
) as Array<{
  titleId: string
  subSectionItems: Array<{ path: string; labelId: string }>
}>

const items = blocks.flatMap((b) => b.subSectionItems)

/** The sidebar item of a page: the longest link that is the page or one of its parents. */
function currentItem(path: string): string | undefined {
  return items
    .map((i) => i.path)
    .filter((p) => path === p || path.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0]
}

const here = () => window.location.pathname + window.location.search
const pathOnly = (p: string) => p.split('?')[0]

const AdminTop: React.FC<{ sessions: Session[]; account: string }> = ({
  sessions,
  account,
}) => {
  const [initial] = useState(() => ({
    ...initialPrefs(sessions),
    path: here(),
  }))

  const [session, setSession] = useState(initial.session)
  const [locale, setLocale] = useState(initial.locale)
  const [path, setPath] = useState(initial.path)
  const frame = useRef<HTMLIFrameElement>(null)
  // True once the page in the frame listens for navigate messages; until then, load it anew.
  const ready = useRef(false)

  savePrefs(session, locale)

  const t = (id: string) =>
    MESSAGES[locale]?.[id] ?? en[id as keyof typeof en] ?? id

  // location.replace: a reload of the frame must not add an entry to the browser's history.
  const reloadFrame = (topPath: string, loc: string) => {
    ready.current = false
    frame.current?.contentWindow?.location.replace(frameUrl(topPath, loc))
  }

  const showInFrame = (topPath: string) => {
    if (!ready.current) return reloadFrame(topPath, locale)
    const message: ShellMessage = {
      type: 'ks-shell:navigate',
      path: toFramePath(topPath),
    }

    frame.current?.contentWindow?.postMessage(message, window.location.origin)
  }

  const open = (topPath: string) => {
    if (topPath !== here()) window.history.pushState(null, '', topPath)
    setPath(topPath)
    showInFrame(topPath)
  }

  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (
        e.source !== frame.current?.contentWindow ||
        e.origin !== window.location.origin ||
        !isShellMessage(e.data)
      )
        return
      if (e.data.type !== 'ks-shell:navigated') return
      ready.current = true
      const topPath = toTopPath(e.data.path)
      // The same page with other filters replaces the entry; another page adds one.
      const samePage = pathOnly(topPath) === window.location.pathname

      if (topPath !== here())
        window.history[
          e.data.replace || samePage ? 'replaceState' : 'pushState'
        ](null, '', topPath)
      setPath(topPath)
    }

    const onPop = () => {
      setPath(here())
      showInFrame(here())
    }

    window.addEventListener('message', onMessage)
    window.addEventListener('popstate', onPop)

    return () => {
      window.removeEventListener('message', onMessage)
      window.removeEventListener('popstate', onPop)
    }
  })

  const current = currentItem(pathOnly(path))

  return (
    <div className="flex flex-column vh-100 sans-serif">
      <header
        className="flex-none flex items-center justify-between ph5 pv3 bg-base--inverted c-on-base--inverted"
        role="banner"
      >
        <div className="flex items-center">
          <span className="fw6 f5 mr4">VTEX</span>
          <span className="f6 o-80">{account}</span>
          <span className="f7 ml3 ph2 pv1 br2 ba b--white-30 o-70">
            local platform
          </span>
        </div>
        <div className="flex items-center f6">
          <label className="mr2" htmlFor="shell-session">
            Session
          </label>
          <select
            id="shell-session"
            className="mr4 pa1"
            value={session}
            onChange={(e) => {
              setSession(e.target.value)
              savePrefs(e.target.value, locale)
              reloadFrame(path, locale)
            }}
          >
            {sessions.map((s) => (
              <option key={s.cookie} value={s.cookie}>
                {s.email}
              </option>
            ))}
          </select>
          <label className="mr2" htmlFor="shell-locale">
            Language
          </label>
          <select
            id="shell-locale"
            className="pa1"
            value={locale}
            onChange={(e) => {
              setLocale(e.target.value)
              savePrefs(session, e.target.value)
              reloadFrame(path, e.target.value)
            }}
          >
            {LOCALES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
      </header>
      <div className="flex flex-auto" style={{ minHeight: 0 }}>
        <nav
          className="w5 flex-none bg-base br b--muted-4 pv5 overflow-y-auto"
          aria-label="Admin"
        >
          <div className="ph5 f7 ttu c-muted-1 mb3">Account settings</div>
          {blocks.map((b) => (
            <div key={b.titleId}>
              <div className="ph5 pv2 fw6 f6">{t(b.titleId)}</div>
              <ul className="list pa0 ma0">
                {b.subSectionItems.map((item) => (
                  <li key={item.path}>
                    <a
                      href={item.path}
                      aria-current={item.path === current ? 'page' : undefined}
                      className={`db ph6 pv2 f6 no-underline ${
                        item.path === current
                          ? 'c-action-primary fw5 bg-action-secondary'
                          : 'c-on-base hover-bg-muted-5'
                      }`}
                      onClick={(e) => {
                        if (
                          e.metaKey ||
                          e.ctrlKey ||
                          e.shiftKey ||
                          e.button !== 0
                        )
                          return
                        e.preventDefault()
                        open(item.path)
                      }}
                    >
                      {t(item.labelId)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="flex-auto relative bg-muted-5">
          <iframe
            ref={frame}
            src={frameUrl(initial.path, initial.locale)}
            title={t(blocks[0]?.titleId ?? '')}
            className="absolute top-0 left-0 w-100 h-100 bn db"
          />
        </div>
      </div>
    </div>
  )
}

// A top-level URL opened inside the frame (a plain link): show it as the whole Admin instead.
if (window.top && window.top !== window)
  window.top.location.replace(window.location.href)
else
  loadSessions().then(({ sessions, account }) => {
    ReactDOM.render(
      <AdminTop sessions={sessions} account={account} />,
      document.getElementById('root')
    )
  })

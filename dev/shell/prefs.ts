// The session and language the developer picked in the top bar. The top frame writes them; the
// app frame (same origin) reads them when it loads: the cookie is what the gateway forwards,
// localStorage survives reloads, and `?session=` / `?locale=` let a URL pick them.

export const LOCALES = [
  { id: 'en', tag: 'en-US', label: 'English' },
  { id: 'pt', tag: 'pt-BR', label: 'Português' },
  { id: 'es', tag: 'es-AR', label: 'Español' },
]

export interface Session {
  cookie: string
  email: string
}

export const localeTag = (locale: string) =>
  LOCALES.find((l) => l.id === locale)?.tag ?? 'en-US'

export function initialPrefs(sessions: Session[]): {
  session: string
  locale: string
} {
  const params = new URLSearchParams(window.location.search)

  return {
    session:
      params.get('session') ??
      localStorage.getItem('ks-session') ??
      sessions[0]?.cookie ??
      '',
    locale: params.get('locale') ?? localStorage.getItem('ks-locale') ?? 'en',
  }
}

export function savePrefs(session: string, locale: string): void {
  document.cookie = `VtexIdclientAutCookie=${encodeURIComponent(
    session
  )}; path=/; SameSite=Lax`
  localStorage.setItem('ks-session', session)
  localStorage.setItem('ks-locale', locale)
  document.documentElement.lang = localeTag(locale)
}

export function loadSessions(): Promise<{
  sessions: Session[]
  account: string
}> {
  return fetch('/_shell/sessions').then((r) => r.json())
}

// The frame of every Key Steward page: the Admin page header (the page's one h1) and the app's
// sections as links (aria-current marks the open one), like the Admin's side navigation.
import React, { useEffect, useRef, useState } from 'react'
import { FormattedMessage } from 'react-intl'
import { Layout, PageHeader } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import Link from './Link'
import styles from './PageFrame.css'
import './fields.css'
import { BASE } from './PageFrame.constants'
import Reminders from './Reminders'
import { focusHeadingAt, takeHeadingFocus } from './pageFocus'
import { PageRefusal } from './PageRefusal'
import { currentSearch } from '../utils/urlState'

export { BASE }

export type Section =
  | 'overview'
  | 'keys'
  | 'users'
  | 'review'
  | 'exposure'
  | 'settings'

const SECTIONS: Array<{ id: Section; path: string }> = [
  { id: 'overview', path: BASE },
  { id: 'keys', path: `${BASE}/keys` },
  { id: 'users', path: `${BASE}/users` },
  { id: 'review', path: `${BASE}/review` },
  { id: 'exposure', path: `${BASE}/exposure` },
  { id: 'settings', path: `${BASE}/settings` },
]

interface Props {
  section: Section
  title: React.ReactNode
  subtitle?: React.ReactNode
  back?: { label: React.ReactNode; to: string }
}

const PageFrame: React.FC<Props> = ({
  section,
  title,
  subtitle,
  back,
  children,
}) => {
  const { navigate } = useRuntime()
  // Where the page is, with its query (a completed review open by ?review= is not the review
  // page a reminder opens), so a reminder does not link to the very view it is shown on.
  const path = SECTIONS.find((s) => s.id === section)?.path
  const here = path === undefined ? undefined : `${path}${currentSearch()}`
  // Opened by a link of the app (or its back link): focus starts on this page's title.
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (takeHeadingFocus()) heading.current?.focus()
  })
  // The tab row scrolls sideways in a narrow frame: the open tab is brought into it on arrival.
  const tabs = useRef<HTMLUListElement>(null)

  useEffect(() => {
    const row = tabs.current
    const open = row?.querySelector<HTMLElement>('[aria-current="page"]')

    if (!row || !open || row.scrollWidth <= row.clientWidth) return
    const right = open.offsetLeft + open.offsetWidth

    if (right > row.scrollLeft + row.clientWidth)
      row.scrollLeft = right - row.clientWidth
  }, [section])
  // While the page itself is refused, a back link leads to a page refused the same way.
  const [refused, setRefused] = useState(false)
  const link = refused ? undefined : back

  return (
    <div className={styles.root}>
      <Layout
        fullWidth
        pageHeader={
          <PageHeader
            title={
              <h1
                ref={heading}
                tabIndex={-1}
                className="ma0"
                style={{ font: 'inherit' }}
              >
                {title}
              </h1>
            }
            subtitle={subtitle}
            linkLabel={link?.label}
            onLinkClick={
              link
                ? () => {
                    focusHeadingAt(link.to)
                    navigate({ to: link.to })
                  }
                : undefined
            }
          />
        }
      >
        <nav className="mb5" aria-label="Key Steward">
          <ul className={styles.tabs} ref={tabs}>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <Link
                  to={s.path}
                  className={styles.tab}
                  ariaCurrent={s.id === section ? 'page' : undefined}
                >
                  <FormattedMessage id={`admin/key-steward.section.${s.id}`} />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <Reminders here={here} />
        <PageRefusal.Provider value={setRefused}>
          {children}
        </PageRefusal.Provider>
      </Layout>
    </div>
  )
}

export default PageFrame

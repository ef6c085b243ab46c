// The frame of every Key Steward page: the Admin page header (the page's one h1) and the app's
// sections as links (aria-current marks the open one), like the Admin's side navigation.
import React, { useState } from 'react'
import { FormattedMessage } from 'react-intl'
import { Layout, PageHeader } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import Link from './Link'
import styles from './PageFrame.css'
import { BASE } from './PageFrame.constants'
import Reminders from './Reminders'
import { PageRefusal } from './PageRefusal'

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
  // Where the page is, so a reminder does not link to the page it is shown on.
  const here = SECTIONS.find((s) => s.id === section)?.path
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
              <h1 className="ma0" style={{ font: 'inherit' }}>
                {title}
              </h1>
            }
            subtitle={subtitle}
            linkLabel={link?.label}
            onLinkClick={link ? () => navigate({ to: link.to }) : undefined}
          />
        }
      >
        <nav className="mb5" aria-label="Key Steward">
          <ul className={styles.tabs}>
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

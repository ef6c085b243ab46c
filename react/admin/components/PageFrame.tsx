// The frame of every Key Steward page: the Admin page header and the app's section tabs.
import React from 'react'
import { FormattedMessage } from 'react-intl'
import { Layout, PageHeader, Tab, Tabs } from 'vtex.styleguide'
import { useRuntime } from 'vtex.render-runtime'

import { BASE } from './PageFrame.constants'
import Reminders from './Reminders'

export { BASE }

export type Section = 'overview' | 'keys' | 'users' | 'review' | 'exposure' | 'settings'

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

const PageFrame: React.FC<Props> = ({ section, title, subtitle, back, children }) => {
  const { navigate } = useRuntime()
  return (
    <Layout
      fullWidth
      pageHeader={
        <PageHeader
          title={title}
          subtitle={subtitle}
          linkLabel={back?.label}
          onLinkClick={back ? () => navigate({ to: back.to }) : undefined}
        />
      }
    >
      <nav className="mb5" aria-label="Key Steward">
        <Tabs>
          {SECTIONS.map(s => (
            <Tab key={s.id} label={<FormattedMessage id={`admin/key-steward.section.${s.id}`} />} active={s.id === section} onClick={() => navigate({ to: s.path })} />
          ))}
        </Tabs>
      </nav>
      <Reminders />
      {children}
    </Layout>
  )
}

export default PageFrame

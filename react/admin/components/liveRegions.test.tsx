// Each message is announced once and with the right urgency (Notice.tsx): errors the user just
// caused interrupt (role="alert", once), standing banners do not announce themselves on load.
import { readdirSync, readFileSync, statSync } from 'fs'
import { join } from 'path'

import React from 'react'
import { render } from '@vtex/test-tools/react'
import { ApolloError } from 'apollo-client'
import { GraphQLError } from 'graphql'

import { nestedLiveRegions } from '../testing/liveRegions'
import { Notice } from './Notice'
import { DataSource } from './Freshness'
import { ErrorState, PartialBanner, SourceBanner } from './QueryState'

const ADMIN = join(__dirname, '..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)

    if (statSync(p).isDirectory()) return sources(p)

    return /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : []
  })
}

const failure = (code: string, extra: object = {}) =>
  new ApolloError({
    graphQLErrors: [
      new GraphQLError(
        'refused',
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        {
          code,
          ...extra,
        }
      ),
    ],
  })

describe('live regions', () => {
  it('uses the styleguide Alert only through Notice, which says how it is announced', () => {
    const direct = sources(ADMIN).filter(
      (p) =>
        !p.endsWith(join('components', 'Notice.tsx')) &&
        /import\s*\{[^}]*\bAlert\b[^}]*\}\s*from\s*'vtex\.styleguide'/.test(
          readFileSync(p, 'utf8')
        )
    )

    expect(direct).toEqual([])
  })

  it('gives a Notice the role its announcement asks for, and nothing around it', () => {
    const { container } = render(
      <>
        <Notice type="error" announce="assertive">
          now
        </Notice>
        <Notice type="success" announce="polite">
          saved
        </Notice>
        <Notice type="warning" announce="none">
          standing
        </Notice>
      </>
    )

    const roleOf = (text: string) =>
      Array.from(container.querySelectorAll('.vtex-alert'))
        .find((el) => el.textContent === text)!
        .getAttribute('role')

    expect(roleOf('now')).toBe('alert')
    expect(roleOf('saved')).toBe('status')
    expect(roleOf('standing')).toBeNull()
    expect(nestedLiveRegions(container)).toEqual([])
  })

  it('announces a failed read once, assertively', () => {
    const { container, getByText } = render(
      <ErrorState error={failure('UPSTREAM')} onRetry={() => undefined} />
    )

    expect(container.querySelectorAll('[role="alert"]')).toHaveLength(1)
    expect(nestedLiveRegions(container)).toEqual([])
    // an upstream failure may pass: trying again can help
    expect(getByText('Try again')).toBeInTheDocument()
  })

  it('says what is missing and who can grant it on FORBIDDEN, without a "Try again" that cannot help', () => {
    const { container, queryByText, getByText } = render(
      <ErrorState
        error={failure('FORBIDDEN', { missingResources: ['Save user'] })}
        onRetry={() => undefined}
      />
    )

    expect(
      getByText(/lacks this License Manager resource: Save user/)
    ).toBeInTheDocument()
    expect(
      getByText(/Ask an account admin to give you a role with it/)
    ).toBeInTheDocument()
    expect(queryByText('Try again')).toBeNull()
    expect(container.querySelectorAll('[role="alert"]')).toHaveLength(1)
  })

  it('does not announce standing banners (partial data, the daily scan copy) as alerts', () => {
    const { container } = render(
      <>
        <PartialBanner missing={['roles of 2 keys']} />
        <SourceBanner
          source="SNAPSHOT"
          generatedAt="2027-03-07T10:00:00Z"
          onLive={() => undefined}
        />
      </>
    )

    expect(container.querySelectorAll('.vtex-alert')).toHaveLength(2)
    // no alert; a status region stands empty until *Load live data* has something to say (one
    // added with its text is not read out)
    expect(container.querySelectorAll('[role="alert"]')).toHaveLength(0)
    const regions = Array.from(
      container.querySelectorAll('[role="status"], [aria-live]')
    )

    expect(regions.map((r) => r.textContent)).toEqual(regions.map(() => ''))
  })

  it("keeps the recent copy's age line quiet, announcing only what is under way", () => {
    const meta = {
      source: 'RECENT' as const,
      generatedAt: '2027-03-07T10:00:00Z',
      ageSeconds: 240,
      revalidating: true,
    }
    const { container } = render(
      <DataSource meta={meta as never} onLive={() => undefined} loading />
    )

    const live = Array.from(
      container.querySelectorAll('[role="alert"], [role="status"], [aria-live]')
    )

    // one polite region, holding "revalidating" and "loading" but not the age or the button
    expect(live.map((e) => e.getAttribute('role'))).toEqual(['status'])
    expect(live[0].querySelector('[data-testid="revalidating"]')).not.toBeNull()
    expect(live[0].textContent).not.toMatch(/4 minutes|minutos/)
    expect(live[0].querySelector('button')).toBeNull()
  })
})

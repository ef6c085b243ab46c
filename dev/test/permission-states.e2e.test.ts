// Every page as an admin whose session lacks rights sees it (the fixture sessions below), and
// the live regions of every page: one permissions message that says what is missing and who can
// grant it, no "Try again" that cannot help (FORBIDDEN), no form VTEX would refuse, and no live
// region inside another (vtex.styleguide's Alert is already role="alert": wrapped in another
// region it is announced twice). Screenshots go to dev/artifacts/screenshots/permissions/.
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync } from 'fs'
import { join } from 'path'
import { after, before, describe, it } from 'node:test'

import type { Browser, Frame, Page } from 'playwright-core'

import type { Stack } from '../stack'
import { startStack } from '../stack'
import { ROOT } from '../paths'
import {
  consoleProblems,
  launchChromium,
  whenLoaded,
  openAdmin,
  screenshotAdmin,
} from './browser'

const ARTIFACTS = join(ROOT, 'dev', 'artifacts', 'screenshots', 'permissions')
/** The fixture's first key: its page is /keys/<id> (an appKey there finds no key). */
const FIRST_KEY = (
  JSON.parse(
    readFileSync(join(ROOT, 'dev', 'fixtures', 'default.json'), 'utf8')
  ) as { appKeys: Array<{ id: string; label: string }> }
).appKeys[0]

const PAGES = [
  ['overview', ''],
  ['keys', '/keys'],
  ['key', `/keys/${FIRST_KEY.id}`],
  ['users', '/users'],
  ['review', '/review'],
  ['settings', '/settings'],
  ['exposure', '/exposure'],
] as const

/** Sessions that lack rights (dev/fixtures/default.json), and the owner for comparison. */
const SESSIONS = [
  'session-carla-readonly',
  'session-diego-callcenter',
  'session-frank-saveonly',
  'session-helena-newresources',
  'session-ana-owner',
]

let stack: Stack
let browser: Browser
let page: Page

async function open(path: string, session: string): Promise<Frame> {
  const app = await openAdmin(
    page,
    `${stack.url}/admin/key-steward${path}?locale=en&session=${session}`
  )

  // settled: no read in progress, no spinner, no pending request for a while
  await whenLoaded(app, { busy: true })
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(400)

  return app
}

interface Seen {
  forbidden: number
  /** the refusal's resources sentence, why-Save-user line and auditor line ('' when absent) */
  resources: string
  why: string
  auditor: string
  /** the page header's back link is shown */
  backLink: boolean
  /** px between the section tabs' underline and the refusal's heading (-1 without a refusal) */
  headingGap: number
  permissionTexts: number
  tryAgainNearForbidden: boolean
  registerForm: boolean
  nested: string[]
  text: string
  /** standing banners (reminders, the data's source, partial reads) announced as alerts on load */
  standingAlerts: number
}

function look(app: Frame): Promise<Seen> {
  return app.evaluate(() => {
    const LIVE = '[role="alert"], [role="status"], [role="log"], [aria-live]'
    const nested = Array.from(document.querySelectorAll(LIVE))
      .filter((el) => el.parentElement?.closest(LIVE))
      .map((el) => el.outerHTML.slice(0, 160))

    const forbidden = Array.from(
      document.querySelectorAll('[data-testid="forbidden"]')
    )

    const text = document.body.innerText
    const box = forbidden[0]

    const tabs = document.querySelector('nav[aria-label="Key Steward"] ul')
    const heading = box?.querySelector('h1, h2, h3, h4, [class*="t-heading"]')

    return {
      text,
      forbidden: forbidden.length,
      resources:
        box?.querySelector('[data-forbidden-resources]')?.textContent ?? '',
      why: box?.querySelector('[data-forbidden-why]')?.textContent ?? '',
      auditor:
        box?.querySelector('[data-forbidden-auditor]')?.textContent ?? '',
      backLink: !!document.querySelector(
        '.vtex-pageHeader-link__container button'
      ),
      headingGap:
        tabs && heading
          ? heading.getBoundingClientRect().top -
            tabs.getBoundingClientRect().bottom
          : -1,
      // "this resource" for one missing, "these resources" for more (walk15 #6)
      permissionTexts: (text.match(/lacks (these|this) License Manager/g) ?? [])
        .length,
      tryAgainNearForbidden: forbidden.some((f) =>
        Array.from(f.querySelectorAll('button')).some((b) =>
          /try again/i.test(b.textContent ?? '')
        )
      ),
      registerForm: !!document.querySelector(
        '[data-testid="external-keys"] form, [data-testid="external-keys"] input'
      ),
      nested,
      standingAlerts: document.querySelectorAll(
        [
          '[data-reminder]',
          '[data-source]',
          '[data-incomplete]',
          '[data-unreachable]',
          '[data-testid="ids-filter"]',
        ]
          .map((s) => `${s} [role="alert"], ${s}[role="alert"]`)
          .join(', ')
      ).length,
    }
  })
}

describe('pages for sessions that lack rights, and their live regions', () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    stack = await startStack()
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  })

  after(async () => {
    await browser?.close()
    await stack?.stop()
    assert.deepEqual(consoleProblems(browser), [])
  })

  for (const session of SESSIONS)
    for (const [name, path] of PAGES)
      it(`${name} as ${session}`, async () => {
        const app = await open(path, session)
        const seen = await look(app)

        await screenshotAdmin(
          page,
          app,
          join(ARTIFACTS, `${name}-${session.replace('session-', '')}.png`)
        )
        assert.deepEqual(seen.nested, [], 'a live region inside another')
        assert.equal(
          seen.standingAlerts,
          0,
          'a standing banner announced as an alert'
        )
        assert.ok(
          seen.permissionTexts <= 1,
          `one permissions message, saw ${seen.permissionTexts}`
        )
        assert.equal(
          seen.tryAgainNearForbidden,
          false,
          'Try again on FORBIDDEN'
        )
        if (seen.forbidden) {
          assert.equal(seen.registerForm, false, 'a form VTEX would refuse')
        }

        // the owner sees the key itself: the walk reaches a real key's page, not "not found"
        if (name === 'key' && session === 'session-ana-owner')
          assert.ok(
            seen.text.includes(FIRST_KEY.label),
            seen.text.slice(0, 300)
          )
        if (seen.forbidden) {
          // names exactly as VTEX's Admin shows them, each alternative named once, "/" explained
          assert.doesNotMatch(seen.resources, / \/ /, seen.resources)
          assert.ok(
            seen.resources.split('View Admin Users').length <= 2,
            seen.resources
          )
          // room between the tabs and the heading (it touched their underline)
          assert.ok(
            seen.headingGap >= 24,
            `heading ${seen.headingGap}px under the tabs`
          )
          // no "Back to API keys" from a refused page: the list is refused the same way
          assert.equal(seen.backLink, false, 'a back link from a refused page')
        }

        if (seen.forbidden && session === 'session-carla-readonly') {
          assert.equal(
            seen.resources,
            'Your user lacks this License Manager resource: Save user (or Edit Admin Users).'
          )
          assert.match(seen.why, /even to read: VTEX lists API keys only/)
          assert.match(seen.auditor, /auditor in Key Steward’s Settings/)
        }

        if (
          seen.forbidden &&
          session === 'session-diego-callcenter' &&
          ['overview', 'users', 'key', 'keys'].includes(name)
        )
          assert.equal(
            seen.resources,
            'Your user lacks these License Manager resources: Find user by email, Get paged roles and Get paged users (or View Admin Users for all 3); Save user (or Edit Admin Users).'
          )

        // the owner's key page keeps its way back
        if (name === 'key' && session === 'session-ana-owner')
          assert.equal(seen.backLink, true, 'the owner lost the back link')

        const { text: _text, ...counts } = seen

        console.log(
          JSON.stringify({
            session,
            name,
            ...counts,
            nested: seen.nested.length,
          })
        )
      })
})

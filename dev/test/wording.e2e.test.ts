// What a browser walk of the admin pages found on wording and small UX points, measured in the
// page: the key page's Notes label looks like the labels of the fields above it, and a filtered
// key list that matches nothing offers Clear filters. Screenshots go to
// dev/artifacts/screenshots/wording5/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { before, it } from 'node:test'

import type { Frame } from 'playwright-core'

import { DEFAULT_FIXTURE, ROOT } from '../paths'
import {
  openAdmin,
  screenshotAdmin,
  useBrowserStack,
  whenLoaded,
} from './browser'

const SHOTS = join(ROOT, 'dev', 'artifacts', 'screenshots', 'wording5')
const OWNER = 'session-ana-owner'

const suite = useBrowserStack({ fixture: DEFAULT_FIXTURE })

before(() => mkdirSync(SHOTS, { recursive: true }))

async function open(path: string, query = ''): Promise<Frame> {
  const app = await openAdmin(
    suite.page,
    `${suite.stack.url}/admin/key-steward${path}?locale=en&session=${OWNER}${query}`
  )

  await whenLoaded(app)

  return app
}

it("writes the key page's Notes label like the Owner label (size, weight, colour)", async () => {
  const [key] = suite.stack.fixture.appKeys
  const app = await open(`/keys/${key.id}`)

  await app.waitForSelector('#ownership-notes')
  const style = (field: string) =>
    app.evaluate((id) => {
      const label = document
        .getElementById(id)!
        .closest('label')!
        .querySelector('span')!

      // the label's text as drawn: the innermost element holding it
      let text: Element = label

      while (text.firstElementChild) text = text.firstElementChild
      const s = getComputedStyle(text)

      return {
        text: text.textContent,
        fontSize: s.fontSize,
        fontWeight: s.fontWeight,
        color: s.color,
        height: Math.round(label.getBoundingClientRect().height),
      }
    }, field)

  const owner = await style('ownership-owner')
  const notes = await style('ownership-notes')

  assert.equal(owner.text, 'Owner (email)')
  assert.equal(notes.text, 'Notes')
  assert.deepEqual(
    { ...notes, text: '' },
    { ...owner, text: '' },
    'the Notes label looks like the Owner label'
  )
  await (await app.$('#ownership-notes'))!.scrollIntoViewIfNeeded()
  await screenshotAdmin(suite.page, app, join(SHOTS, 'key-ownership.png'))
})

it('offers Clear filters when no key matches, and it brings the keys back', async () => {
  const app = await open('/keys', '&q=no-such-key-anywhere')

  await app.waitForSelector('text=No key matches these filters.')
  await screenshotAdmin(suite.page, app, join(SHOTS, 'keys-no-match.png'))
  const clear = app.getByRole('button', { name: 'Clear filters' })

  await clear.focus()
  await suite.page.keyboard.press('Enter')
  await app.waitForSelector('[data-key-id]')
  assert.equal(await app.getByLabel('Search keys').inputValue(), '')
})

it('does not link the overdue review to the Access review page it is shown on; other pages do', async () => {
  let app = await open('/review')

  await app.waitForSelector('[data-reminder="REVIEW_OVERDUE"]')
  assert.equal(
    await app.locator('[data-reminder="REVIEW_OVERDUE"] a').count(),
    0
  )
  await screenshotAdmin(suite.page, app, join(SHOTS, 'review.png'))
  app = await open('/keys')
  await app.waitForSelector('[data-reminder="REVIEW_OVERDUE"]')
  assert.equal(
    await app
      .locator('[data-reminder="REVIEW_OVERDUE"] a', {
        hasText: 'Start the review',
      })
      .count(),
    1
  )
  // the count names the external keys apart from the account's own
  assert.match(
    (await app.locator('caption').first().textContent()) ?? '',
    /^\d+ keys and \d+ external keys? match$/
  )
  await screenshotAdmin(suite.page, app, join(SHOTS, 'keys.png'))
  app = await open('/settings')
  await app.waitForSelector('text=/^Next run: .* UTC$/')
  await screenshotAdmin(suite.page, app, join(SHOTS, 'settings.png'))
  app = await open('')
  await app.waitForSelector('[data-testid="daily-scan-line"]')
  await screenshotAdmin(suite.page, app, join(SHOTS, 'overview.png'))
})

// Every Key Steward page in the Admin, in English, Portuguese and Spanish, as a store admin sees
// it: one h1, section tabs that are links with aria-current, no internal code (rule ids,
// practice codes) as visible text, nothing axe-core rates serious or critical, and a clean
// console (launchChromium fails the suite on any console error or React warning). Screenshots
// of every page go to dev/artifacts/screenshots/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { after, before, describe, it } from 'node:test'

import type { Browser, Frame, Page } from 'playwright-core'

import { RULE_IDS } from '../../node/domain/rules'
import { PRACTICES } from '../../node/domain/findings'
import type { Stack } from '../stack'
import { startStack } from '../stack'
import { DEFAULT_FIXTURE, ROOT } from '../paths'
import {
  axeViolations,
  consoleProblems,
  launchChromium,
  whenLoaded,
  openAdmin,
  screenshotAdmin,
} from './browser'
import { PAGING_WORDS, pageForwardByKeyboard } from './keyboardPaging'

const ARTIFACTS = join(ROOT, 'dev', 'artifacts', 'screenshots')
const CODES = [...RULE_IDS, ...PRACTICES]

let stack: Stack
let browser: Browser
let page: Page

async function open(path: string, locale: string): Promise<Frame> {
  const app = await openAdmin(
    page,
    `${stack.url}/admin/key-steward${path}?locale=${locale}&session=session-ana-owner`
  )

  await whenLoaded(app)
  // wait for the page's own content, not only its header
  await app.waitForFunction(
    () =>
      document.querySelectorAll(
        '.vtex-pageBlock, [class*="pageBlock"], table, form'
      ).length > 0,
    undefined,
    { timeout: 20_000 }
  )
  await page.waitForTimeout(300)

  return app
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  stack = await startStack({ fixture: DEFAULT_FIXTURE })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  // the exposure page shows a scan: run one
  const app = await open('/exposure', 'en')

  await app.getByRole('button', { name: 'Scan storefront now' }).first().click()
  await app.waitForSelector('[data-exposure]')
})

after(async () => {
  await browser?.close() // throws on console errors or React warnings
  await stack?.stop()
})

const unlabeled = () => stack.fixture.appKeys.find((k) => !k.label)!
const ownerKey = () =>
  stack.fixture.appKeys.find((k) =>
    (stack.fixture.roleAssignments[k.id] ?? []).includes(1)
  )!

const PAGES: Array<{ name: string; path: () => string; section: string }> = [
  { name: 'overview', path: () => '', section: 'overview' },
  { name: 'keys', path: () => '/keys', section: 'keys' },
  { name: 'key-owner', path: () => `/keys/${ownerKey().id}`, section: 'keys' },
  {
    name: 'key-unlabeled',
    path: () => `/keys/${unlabeled().id}`,
    section: 'keys',
  },
  { name: 'users', path: () => '/users', section: 'users' },
  { name: 'review', path: () => '/review', section: 'review' },
  { name: 'exposure', path: () => '/exposure', section: 'exposure' },
  { name: 'settings', path: () => '/settings', section: 'settings' },
]

for (const locale of ['en', 'pt', 'es']) {
  describe(`every page in ${locale}`, () => {
    for (const p of PAGES) {
      it(`${p.name}: one h1, link tabs, no internal codes, axe clean`, async () => {
        const app = await open(p.path(), locale)

        assert.equal(await app.locator('h1').count(), 1, 'one h1')
        const tabs = app
          .getByRole('navigation', { name: 'Key Steward' })
          .getByRole('link')

        assert.equal(await tabs.count(), 6)
        const current = app.locator(
          'nav[aria-label="Key Steward"] a[aria-current="page"]'
        )

        assert.equal(await current.count(), 1)
        assert.match(
          (await current.getAttribute('href')) ?? '',
          new RegExp(
            `/admin/key-steward${
              p.section === 'overview' ? '$' : `/${p.section}$`
            }`
          )
        )

        const text = await app.evaluate(() => document.body.innerText)
        const shown = CODES.filter((code) =>
          new RegExp(`(^|[^\\w-])${code}($|[^\\w-])`).test(text)
        )

        assert.deepEqual(
          shown,
          [],
          `internal codes visible on ${p.name} (${locale})`
        )

        const violations = await axeViolations(app)

        assert.deepEqual(
          violations.map(
            (v) =>
              `${v.impact} ${v.id}: ${v.help} — ${v.nodes
                .slice(0, 3)
                .map((n) => n.html)
                .join(' | ')}`
          ),
          [],
          `axe on ${p.name} (${locale})`
        )
        await screenshotAdmin(
          page,
          app,
          join(ARTIFACTS, `page-${p.name}-${locale}.png`)
        )
        assert.deepEqual(consoleProblems(browser), [])
      })
    }
  })
}

describe('what each page says', () => {
  it('an unlabeled key says "(no label)" once and its appKey is not its title', async () => {
    const app = await open(`/keys/${unlabeled().id}`, 'en')

    assert.equal((await app.textContent('h1'))?.trim(), '(no label)')
    assert.equal(
      (await app.evaluate(() => document.body.innerText)).split('(no label)')
        .length - 1,
      1
    )
  })

  it('the overview lists the Owner key once under Most urgent', async () => {
    const app = await open('', 'en')
    const { label } = ownerKey()
    const links = app.locator(`[data-rule] a:text-is(${JSON.stringify(label)})`)

    assert.equal(await links.count(), 1)
  })

  it('the exposure page names the key, links to it, and shows the most severe first', async () => {
    const app = await open('/exposure', 'en')
    const severities = await app.$$eval(
      '[data-exposure] [data-severity]',
      (els) => els.map((e) => e.getAttribute('data-severity'))
    )

    assert.deepEqual(
      severities,
      [...severities].sort(
        (a, b) =>
          ['CRITICAL', 'HIGH'].indexOf(a!) - ['CRITICAL', 'HIGH'].indexOf(b!)
      )
    )
    const first = app.locator('[data-exposure]').first()

    assert.ok(
      await first
        .getByRole('link', { name: 'Store locator widget' })
        .isVisible()
    )
    assert.match(
      (await first.textContent()) ?? '',
      /The key “Store locator widget” and its token appear|Store locator widget/
    )
  })

  it('numbers are formatted for the language ("1–48 of 48")', async () => {
    const app = await open('/keys', 'en')

    assert.match((await app.textContent('#keys-range')) ?? '', /^1–\d+ of \d+$/)
  })
})

describe("settings errors per field, in the admin's language, keeping what was typed", () => {
  const cases: Array<[string, string, string, string]> = [
    [
      'en',
      '#setting-rotationDays',
      '90.5',
      'Enter a whole number from 30 to 365.',
    ],
    [
      'en',
      '#setting-rotationDays',
      'abc',
      'Enter a whole number from 30 to 365.',
    ],
    ['en', '#setting-rotationDays', '', 'Enter a whole number from 30 to 365.'],
    [
      'en',
      '#setting-reminderEmails',
      'ops@acme.com, ops.acme.com',
      '“ops.acme.com” is not an e-mail address.',
    ],
    [
      'pt',
      '#setting-reminderEmails',
      'ops@acme.com, ops.acme.com',
      '“ops.acme.com” não é um endereço de e-mail.',
    ],
    [
      'es',
      '#setting-rotationDays',
      '90.5',
      'Ingresa un número entero de 30 a 365.',
    ],
  ]

  for (const [locale, input, typed, message] of cases) {
    it(`${locale}: ${input} = ${JSON.stringify(typed)}`, async () => {
      const app = await open('/settings', locale)

      await app.locator(input).fill(typed)
      await app.locator('form button[type="submit"]').click()
      await app.getByText(message).waitFor()
      assert.equal(await app.inputValue(input), typed)
      const text = await app.evaluate(() => document.body.innerText)

      assert.doesNotMatch(
        text,
        /Variable "\$settings"|cannot represent|Expected non-nullable/
      )
    })
  }

  it("custom key-managing roles are picked from the account's roles, and saving one keeps it", async () => {
    const app = await open('/settings', 'en')
    const custom = stack.fixture.roles.find((r) => r.roleType === 1)!
    const box = app.getByLabel(custom.name, { exact: true })

    await box.check()
    await app.locator('form button[type="submit"]').click()
    await app.getByText('Settings saved').waitFor()
    await page.reload()
    const again = await open('/settings', 'en')

    assert.ok(await again.getByLabel(custom.name, { exact: true }).isChecked())
    await screenshotAdmin(
      page,
      again,
      join(ARTIFACTS, 'page-settings-roles-en.png')
    )
  })
})

describe('settings fields: one width for every session and viewport', () => {
  // walk3 saw half-width fields for frank-saveonly and full-width ones for ana: the shots were
  // at 1366 and 1024 px, either side of the -l breakpoint (64em of the frame) where the fields
  // went from 100% to 50% of the form (880 px at a 1014 px frame, 443 px at 1024 px).
  it('the rotation field is as wide for ana-owner as for frank-saveonly, at 1024 and 1366 px', async () => {
    const widths: Record<string, number> = {}

    try {
      for (const width of [1024, 1280, 1366]) {
        await page.setViewportSize({ width, height: 1000 })
        for (const session of ['session-ana-owner', 'session-frank-saveonly']) {
          const app = await openAdmin(
            page,
            `${stack.url}/admin/key-steward/settings?locale=en&session=${session}`
          )

          await whenLoaded(app, { busy: true })
          await app.locator('#setting-rotationDays').waitFor()
          widths[`${width} ${session}`] = await app.$eval(
            '#setting-rotationDays',
            (input) => input.getBoundingClientRect().width
          )
        }
      }
    } finally {
      await page.setViewportSize({ width: 1440, height: 1000 })
    }

    const all = Object.values(widths)

    assert.ok(
      Math.max(...all) - Math.min(...all) <= 4,
      `field widths differ: ${JSON.stringify(widths)}`
    )
    assert.ok(all[0] >= 300, `fields too narrow: ${JSON.stringify(widths)}`)
  })
})

/** WCAG 2.x contrast ratio of an `rgb(…)` colour against white. */
function contrastOnWhite(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255

    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })

  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)
}

/**
 * The colour that shows a field has focus: its outline when it draws one, else the border of
 * the nearest box around it that has one (the styleguide's Input and Dropdown draw the border
 * on a wrapper), read unfocused, then focused.
 */
async function focusRing(
  app: Frame,
  selector: string
): Promise<{ before: string; after: string; contrast: number }> {
  const read = () =>
    app.$eval(selector, (field) => {
      let box: Element | null = field

      for (let i = 0; box && i < 4; i++, box = box.parentElement) {
        const style = getComputedStyle(box)

        // a Dropdown's <select> is transparent over its box: its outline is never seen
        if (style.opacity === '0') continue
        if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
          return style.outlineColor
        if (parseFloat(style.borderTopWidth) > 0) return style.borderTopColor
      }

      return 'none'
    })

  await app.evaluate(() => (document.activeElement as HTMLElement)?.blur())
  const before = await read()

  await app.locator(selector).first().focus()
  await app.waitForTimeout(100)
  const after = await read()

  return { before, after, contrast: contrastOnWhite(after) }
}

describe('focused fields show a border of at least 3:1 (WCAG 2.2 non-text contrast)', () => {
  it('Input, Dropdown and Textarea; and a refused Input', async () => {
    let app = await open('/settings', 'en')
    const fields: Array<[string, string]> = [
      ['Input', '#setting-rotationDays'],
      ['Dropdown', '#setting-reminderLocale ~ select'],
    ]

    for (const [name, selector] of fields) {
      const ring = await focusRing(app, selector)

      assert.notEqual(ring.after, ring.before, `${name}: focus changes nothing`)
      assert.ok(
        ring.contrast >= 3,
        `${name}: focus border ${ring.after} is ${ring.contrast.toFixed(2)}:1`
      )
    }

    await app.locator('#setting-rotationDays').fill('0')
    await app.locator('form button[type="submit"]').click()
    await app.getByText('Enter a whole number from 30 to 365.').waitFor()
    const refused = await focusRing(app, '#setting-rotationDays')

    assert.notEqual(
      refused.after,
      refused.before,
      'refused: focus changes nothing'
    )
    assert.ok(
      refused.contrast >= 3,
      `refused: focus border ${refused.after} is ${refused.contrast.toFixed(
        2
      )}:1`
    )

    app = await open(`/keys/${ownerKey().id}`, 'en')
    const ring = await focusRing(app, 'textarea')

    assert.notEqual(ring.after, ring.before, 'Textarea: focus changes nothing')
    assert.ok(
      ring.contrast >= 3,
      `Textarea: focus border ${ring.after} is ${ring.contrast.toFixed(2)}:1`
    )
  })
})

describe('the API keys table fits the Admin without sideways scrolling', () => {
  for (const width of [1024, 1366])
    for (const locale of ['en', 'pt', 'es'])
      it(`${width} px, ${locale}: no column cut, appKey under the label, external keys named with a tag`, async () => {
        await page.setViewportSize({ width, height: 1000 })
        try {
          const app = await open('/keys', locale)
          const box = await app.$eval('table', (t) => {
            const scroller = t.parentElement!

            return {
              scroll: scroller.scrollWidth,
              client: scroller.clientWidth,
              page: document.documentElement.scrollWidth,
              view: document.documentElement.clientWidth,
            }
          })

          assert.ok(
            box.scroll <= box.client,
            `table ${box.scroll} px in a ${box.client} px box`
          )
          assert.ok(box.page <= box.view, 'the page does not scroll sideways')
          // every row: its name (label or account) first, its appKey under it
          const rows = await app.$$eval('tbody tr', (trs) =>
            trs.map((tr) => ({
              external: tr.hasAttribute('data-external'),
              name: (
                tr.querySelector('td a, td [data-external-label]')
                  ?.textContent ?? ''
              ).trim(),
              appKey: tr.querySelector('td [data-appkey]')?.textContent ?? '',
            }))
          )

          assert.ok(rows.length > 0)
          for (const r of rows) {
            assert.match(r.appKey, /^vtexappkey-/)
            assert.ok(r.name.length > 0, `a name for ${r.appKey}`)
          }

          const tag = { en: 'External', pt: 'Externa', es: 'Externa' }[locale]!

          const external = rows.filter((r) => r.external)

          assert.equal(external.length, stack.fixture.externalKeys.length)
          for (const e of stack.fixture.externalKeys)
            assert.equal(
              external.find((r) => r.appKey === e.appKey)?.name,
              `${e.account} ${tag}`
            )

          await page.screenshot({
            path: join(ARTIFACTS, `page-keys-${width}-${locale}.png`),
          })
        } finally {
          await page.setViewportSize({ width: 1440, height: 1000 })
        }
      })
})

describe('a keyboard user reaches the keys page buttons in a few Tabs, at 1024 px', () => {
  for (const locale of ['en', 'pt', 'es'] as const)
    it(`${locale}: search, Skip to the page buttons, Next page`, async () => {
      await page.setViewportSize({ width: 1024, height: 900 })
      try {
        const app = await openAdmin(
          page,
          `${stack.url}/admin/key-steward/keys?size=25&locale=${locale}&session=session-ana-owner`
        )

        await whenLoaded(app)
        await app.waitForSelector('table tbody tr')
        const settled = async () => {
          await page.waitForTimeout(50)
          await app.waitForSelector(
            '[data-testid="key-list"][aria-busy="false"]'
          )
        }

        const { tabs } = await pageForwardByKeyboard(
          page,
          app,
          PAGING_WORDS[locale],
          {
            settled,
            onSkipFocused: async () => {
              await page.screenshot({
                path: join(ARTIFACTS, `keys-skip-link-1024-${locale}.png`),
              })
            },
          }
        )

        assert.ok(tabs <= 6, `${tabs} Tabs from the search to the link`)
        // where the focus ended: the page buttons, shown with the focus on them
        await app.locator('#key-pages').scrollIntoViewIfNeeded()
        await page.screenshot({
          path: join(ARTIFACTS, `keys-pages-focused-1024-${locale}.png`),
        })
      } finally {
        await page.setViewportSize({ width: 1440, height: 1000 })
      }
    })
})

// Walk 11 #15: at 1024 px the six section tabs wrapped onto two rows. They stay on one, every
// tab a link in the tab order, in the language with the longest names too.
describe('the section tabs stay on one row at 1024 px', () => {
  for (const locale of ['en', 'pt', 'es'] as const)
    it(`${locale}: one row, all six shown and reachable by keyboard`, async () => {
      await page.setViewportSize({ width: 1024, height: 900 })
      try {
        const app = await openAdmin(
          page,
          `${stack.url}/admin/key-steward/settings?locale=${locale}&session=session-ana-owner`
        )

        await whenLoaded(app)
        const row = await app.evaluate(() => {
          const links = Array.from(
            document.querySelectorAll<HTMLAnchorElement>(
              'nav[aria-label="Key Steward"] a'
            )
          )

          const list = document.querySelector(
            'nav[aria-label="Key Steward"] ul'
          )!

          return {
            // no tab hidden past the edge of the row (it would scroll, not wrap)
            fits: list.scrollWidth <= list.clientWidth,
            tops: new Set(
              links.map((a) => Math.round(a.getBoundingClientRect().top))
            ).size,
            count: links.length,
            inTabOrder: links.every((a) => a.tabIndex >= 0),
          }
        })

        assert.deepEqual(row, {
          fits: true,
          tops: 1,
          count: 6,
          inTabOrder: true,
        })
      } finally {
        await page.setViewportSize({ width: 1440, height: 1000 })
      }
    })
})

describe('dialogs are modal: focus in, Tab stays, Esc closes, focus back', () => {
  it('the confirmation of a key action', async () => {
    const app = await open(`/keys/${ownerKey().id}`, 'en')
    const opener = app.getByRole('button', { name: 'Deactivate key…' })

    await opener.click()
    const dialog = app.getByRole('dialog', { name: 'Deactivate this key?' })

    await dialog.waitFor()
    assert.equal(await dialog.getAttribute('aria-modal'), 'true')
    const focused = () =>
      app.evaluate(() => ({
        text: document.activeElement?.textContent ?? '',
        inDialog: !!document.activeElement?.closest('[role="dialog"]'),
      }))

    assert.deepEqual(await focused(), { text: 'Cancel', inDialog: true })
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab')
      assert.equal((await focused()).inDialog, true, `Tab ${i + 1}`)
    }

    await page.keyboard.press('Shift+Tab')
    assert.equal((await focused()).inDialog, true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await app.waitForFunction(
      () => document.activeElement?.textContent === 'Deactivate key…'
    )
    // nothing was deactivated
    assert.ok(
      stack.platform.state.fixture.appKeys.find((k) => k.id === ownerKey().id)!
        .isActive
    )
  })
})

describe('settings: a refused save marks the fields, names every bad entry and moves focus', () => {
  it('aria-invalid and aria-describedby on each bad field, focus on the first, every bad e-mail named; Advanced has labels', async () => {
    const app = await open('/settings', 'en')

    await app.locator('#setting-maxOwnerUsers').fill('0')
    await app
      .locator('#setting-auditors')
      .fill('carla@acme.com, carla.acme.com, bruno@, ok@acme.com')
    await app.locator('form button[type="submit"]').click()
    await app.getByText('Enter a whole number from 1 to 50.').waitFor()

    const field = (id: string) =>
      app.$eval(`#${id}`, (input) => ({
        invalid: input.getAttribute('aria-invalid'),
        described: (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((d) => document.getElementById(d)?.innerText ?? `missing ${d}`),
        focused: document.activeElement === input,
      }))

    const owners = await field('setting-maxOwnerUsers')

    assert.equal(owners.invalid, 'true')
    assert.equal(owners.described[0], 'Enter a whole number from 1 to 50.')
    assert.equal(owners.focused, true, 'focus on the first bad field')
    const auditors = await field('setting-auditors')

    assert.equal(auditors.invalid, 'true')
    assert.equal(
      auditors.described[0],
      '“carla.acme.com” is not an e-mail address.\n“bruno@” is not an e-mail address.'
    )
    assert.equal((await field('setting-rotationDays')).invalid, null)

    // The three Advanced knobs: a visible label each, which is their name.
    await app.locator('summary').click()
    for (const name of [
      'Role reads at once',
      'Wait for a live read (seconds)',
      'Read VTEX again after (minutes)',
    ]) {
      assert.ok(await app.getByText(name, { exact: true }).isVisible(), name)
      assert.ok(
        await app.getByRole('textbox', { name, exact: true }).isVisible(),
        name
      )
    }

    await screenshotAdmin(
      page,
      app,
      join(ARTIFACTS, 'page-settings-errors-en.png')
    )
  })
})

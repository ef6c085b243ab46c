// Every text field of the app shows focus unmistakably (WCAG 2.2: 1.4.11 non-text contrast and
// 2.4.13 focus appearance): a walk saw focus as a grey step of a 2px border and measured it on the
// inner <input>, whose own border is 0px wide (the styleguide draws it on a wrapper). Here each
// visible Input, InputSearch, date Input, Dropdown and Textarea — the settings (Advanced too), the
// key list and its external-key form, the key page with its Record a renewal form open,
// the users' search — and a refused field are focused by keyboard focus() and their indicator is
// read where it is drawn: at least 3:1 on white, at least 3:1 against the unfocused state, and at
// least 3px thick (border plus ring, or an outline).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Browser, Frame, Page } from 'playwright-core'

import type { Stack } from '../stack'
import { startStack } from '../stack'
import { DEFAULT_FIXTURE } from '../paths'
import {
  consoleProblems,
  launchChromium,
  openAdmin,
  whenLoaded,
} from './browser'

const RECORD = /^Record a renewal done in VTEX’s Admin/

let stack: Stack
let browser: Browser
let page: Page

before(async () => {
  stack = await startStack({ fixture: DEFAULT_FIXTURE })
  browser = await launchChromium()
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
})

after(async () => {
  await browser?.close()
  await stack?.stop()
  assert.deepEqual(consoleProblems(browser), [])
})

async function open(path: string): Promise<Frame> {
  const app = await openAdmin(
    page,
    `${stack.url}/admin/key-steward${path}?locale=en&session=session-ana-owner`
  )

  await whenLoaded(app, { busy: true })
  await page.waitForTimeout(300)

  return app
}

const luminance = (rgb: string) => {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255

    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })

  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio of two `rgb(…)` colours. */
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a) + 0.05, luminance(b) + 0.05]

  return Math.max(x, y) / Math.min(x, y)
}

interface Look {
  color: string
  /** px: outline width, or border width plus the spread of a ring drawn in the same colour */
  thickness: number
}

/** How a field's focus is drawn: its outline, else the nearest box around it with a border. */
function look(app: Frame, probe: string): Promise<Look> {
  return app.$eval(`[data-focus-probe="${probe}"]`, (field) => {
    let box: Element | null = field

    for (let i = 0; box && i < 4; i++, box = box.parentElement) {
      const s = getComputedStyle(box)

      // a Dropdown's <select> is transparent over its box: its outline is never seen
      if (s.opacity === '0') continue
      if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
        return { color: s.outlineColor, thickness: parseFloat(s.outlineWidth) }
      const border = parseFloat(s.borderTopWidth)

      if (border > 0) {
        // "rgb(r, g, b) 0px 0px 0px 1px": a ring is a shadow with no offset or blur
        const ring = s.boxShadow.match(
          /^(rgba?\([^)]*\)) 0px 0px 0px ([\d.]+)px/
        )

        return {
          color: s.borderTopColor,
          thickness:
            border +
            (ring && ring[1] === s.borderTopColor ? parseFloat(ring[2]) : 0),
        }
      }
    }

    return { color: 'none', thickness: 0 }
  })
}

/** Every visible text field of the frame (or of `within`), marked for reading. */
function fields(app: Frame, within = 'body'): Promise<string[]> {
  return app.evaluate((scope) => {
    const all = Array.from(
      document.querySelectorAll<HTMLElement>(
        `${scope} input:not([type=checkbox]):not([type=radio]):not([type=hidden]), ${scope} textarea, ${scope} .vtex-dropdown__container select`
      )
    ).filter((f) => {
      const r = f.getBoundingClientRect()

      // a Dropdown's <select> is transparent over its box: it counts; other hidden fields do not
      return (
        r.width > 0 &&
        r.height > 0 &&
        !f.closest('[hidden], details:not([open])')
      )
    })

    return all.map((f, i) => {
      const name = `${f.tagName.toLowerCase()}#${
        f.id || f.getAttribute('aria-label') || i
      }`

      f.setAttribute('data-focus-probe', name)

      return name
    })
  }, within)
}

async function checkAll(app: Frame, where: string, within?: string) {
  const names = await fields(app, within)
  const problems: string[] = []

  assert.ok(names.length > 0, `${where}: no text fields found`)
  for (const name of names) {
    await app.evaluate(() => (document.activeElement as HTMLElement)?.blur())
    const rest = await look(app, name)

    await app.locator(`[data-focus-probe="${name}"]`).focus()
    await app.waitForTimeout(50)
    const focused = await look(app, name)
    const onWhite = contrast(focused.color, 'rgb(255, 255, 255)')
    const change = contrast(focused.color, rest.color)

    if (onWhite < 3 || change < 3 || focused.thickness < 3)
      problems.push(
        `${where} ${name}: focus ${focused.color} ${
          focused.thickness
        }px, ${onWhite.toFixed(2)}:1 on white, ${change.toFixed(2)}:1 against ${
          rest.color
        }`
      )
  }

  assert.deepEqual(problems, [])

  return names
}

describe('every text field shows focus at 3:1, against white and its resting state, 3px thick', () => {
  it('settings, Advanced included, and a refused field', async () => {
    const app = await open('/settings')

    await app.locator('[data-testid="settings-advanced"] summary').click()
    const names = await checkAll(app, 'settings')

    assert.ok(
      names.includes('input#setting-recentCopyMaxAgeMinutes'),
      String(names)
    )
    assert.ok(
      names.some((n) => n.startsWith('select')),
      String(names)
    )

    await app.locator('#setting-rotationDays').fill('0')
    await app.locator('form button[type="submit"]').click()
    await app.getByText('Enter a whole number from 30 to 365.').waitFor()
    await checkAll(
      app,
      'settings (refused)',
      'div.mw6:has(#setting-rotationDays)'
    )
  })

  it('the key list: search, filters and the external-key form', async () => {
    const names = await checkAll(await open('/keys'), 'keys')

    assert.ok(names.includes('input#external-key-appkey'), String(names))
  })

  it('the key page, its Record a renewal form open', async () => {
    const owner = stack.fixture.appKeys.find((k) =>
      (stack.fixture.roleAssignments[k.id] ?? []).includes(1)
    )!

    const app = await open(`/keys/${owner.id}`)

    await app.getByRole('button', { name: RECORD }).first().click()
    await app.locator('#renewal-date').waitFor()
    const names = await checkAll(app, 'key page')

    for (const name of [
      'textarea#ownership-notes',
      'input#renewal-date',
      'textarea#renewal-note',
    ])
      assert.ok(names.includes(name), `${name} not in ${names}`)
  })

  it('the users’ search', async () => {
    await checkAll(await open('/users'), 'users')
  })
})

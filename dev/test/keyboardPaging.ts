// A keyboard user on a long key list: from the search box to the page buttons below the table,
// and one page forward, with Tab and Enter only (the "Skip to the page buttons" link). Shared by
// the suites that page the keys table in the Admin (admin.e2e in English; admin-pages.e2e in
// every language at 1024 px).
import assert from 'node:assert/strict'

import type { Frame, Page } from 'playwright-core'

/** The names the walk meets, in the page's language (messages/<locale>.json). */
export const PAGING_WORDS = {
  en: {
    skip: 'Skip to the page buttons',
    first: 'First page',
    next: 'Next page',
  },
  pt: {
    skip: 'Pular para os botões de página',
    first: 'Primeira página',
    next: 'Próxima página',
  },
  es: {
    skip: 'Saltar a los botones de página',
    first: 'Primera página',
    next: 'Página siguiente',
  },
} as const

/** At most this many Tabs from the search box to the link: the filters, not the rows. */
export const MAX_TABS_TO_SKIP = 8

/** What has the focus in the app's frame: its name (text) and where it is. */
async function focused(app: Frame) {
  return app.evaluate(() => {
    const el = document.activeElement as HTMLElement | null

    return {
      text: (el?.textContent ?? '').trim(),
      skip: !!el?.hasAttribute('data-skip-to-pages'),
      pagesGroup: el?.id === 'key-pages',
      inPages: !!el?.closest('#key-pages'),
      width: el?.getBoundingClientRect().width ?? 0,
    }
  })
}

/**
 * From the search box, Tab to the skip link (at most MAX_TABS_TO_SKIP presses), Enter, Tab to
 * Next page, Enter; the list must then show the next page. `settled` waits for the list's answer;
 * `onSkipFocused` runs while the link has the focus (a screenshot). Returns the presses made.
 */
export async function pageForwardByKeyboard(
  page: Page,
  app: Frame,
  words: (typeof PAGING_WORDS)[keyof typeof PAGING_WORDS],
  {
    settled,
    onSkipFocused,
  }: { settled: () => Promise<void>; onSkipFocused?: () => Promise<void> }
): Promise<{ tabs: number; presses: number }> {
  const pageText = () => app.textContent('#key-pages-page')
  const before = await pageText()

  await app.locator('[role="search"] input').first().focus()
  let tabs = 0

  for (; tabs < MAX_TABS_TO_SKIP && !(await focused(app)).skip; tabs++)
    await page.keyboard.press('Tab')
  const link = await focused(app)

  assert.ok(link.skip, `the skip link within ${MAX_TABS_TO_SKIP} Tabs`)
  assert.equal(link.text, words.skip)
  // seen once focused (out of view before): wider than the 1 px it is hidden in
  assert.ok(link.width > 50, `the focused link is visible (${link.width} px)`)
  await onSkipFocused?.()

  await page.keyboard.press('Enter')
  assert.ok((await focused(app)).pagesGroup, 'Enter moved focus to the pager')
  // on the first page First and Previous are disabled: the next Tab is Next page
  await page.keyboard.press('Tab')
  const next = await focused(app)

  assert.ok(next.inPages)
  assert.match(next.text, new RegExp(words.next))
  await page.keyboard.press('Enter')
  await settled()
  await app.waitForFunction(
    (b) => document.querySelector('#key-pages-page')?.textContent !== b,
    before
  )
  assert.notEqual(await pageText(), before, 'the next page is shown')
  // focus stays with the page buttons (on the last page Next is disabled: on their group)
  assert.ok((await focused(app)).inPages, 'focus stays on the page buttons')

  return { tabs, presses: tabs + 3 }
}

// What the last browser walk found on the admin pages, measured in the page: the access review's
// bulk bar keeps its two fields (and their labels) apart at 1024 and 1366 px in every language,
// block headings start where their cards do, and "Load live data" pressed right after a read
// says that read answered it. Screenshots go to dev/artifacts/screenshots/polish3/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { before, describe, it } from 'node:test'

import type { Frame } from 'playwright-core'

import { DEFAULT_FIXTURE, ROOT } from '../paths'
import { gql, loadJson } from './helpers'
import {
  openAdmin,
  screenshotAdmin,
  useBrowserStack,
  whenLoaded,
} from './browser'

const SHOTS = join(ROOT, 'dev', 'artifacts', 'screenshots', 'polish3')
const OWNER = 'session-ana-owner'
const LOCALES = ['en', 'pt', 'es'] as const
const messages = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    loadJson<Record<string, string>>(join(ROOT, 'messages', `${l}.json`)),
  ])
) as Record<(typeof LOCALES)[number], Record<string, string>>

/** Space between two fields or labels side by side: more than a word space (≈ 4 px). */
const MIN_GAP_PX = 24

const suite = useBrowserStack({ fixture: DEFAULT_FIXTURE })

before(() => mkdirSync(SHOTS, { recursive: true }))

async function open(path: string, locale: string): Promise<Frame> {
  const app = await openAdmin(
    suite.page,
    `${suite.stack.url}/admin/key-steward${path}?locale=${locale}&session=${OWNER}`
  )

  await whenLoaded(app)

  return app
}

interface Box {
  left: number
  right: number
  top: number
  bottom: number
}

/** A bulk-bar field's box and the box of its label's text (not the label's full-width block). */
function fieldBoxes(
  app: Frame,
  field: string,
  label: string
): Promise<{ field: Box; label: Box | null }> {
  return app.evaluate(
    // no named functions in here: tsx would wrap them in a helper the page does not have
    ([name, text]) => {
      const el = document.querySelector(`[data-bulk-field="${name}"]`)

      if (!el) throw new Error(`no bulk-bar field ${name}`)
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      let node: Node | null = walker.nextNode()

      while (node && node.textContent?.trim() !== text) node = walker.nextNode()
      const range = document.createRange()

      if (node) range.selectNodeContents(node)
      const [f, l] = [el.getBoundingClientRect(), range.getBoundingClientRect()]

      return {
        field: { left: f.left, right: f.right, top: f.top, bottom: f.bottom },
        label: node
          ? { left: l.left, right: l.right, top: l.top, bottom: l.bottom }
          : null,
      }
    },
    [field, label] as const
  )
}

describe('admin polish found by the browser walk', () => {
  it('starts a review (the bulk bar shows with an open review)', async () => {
    const app = await open('/review', 'en')

    await app.getByRole('button', { name: 'Start review' }).click()
    await app.waitForSelector('[data-bulk-bar]', { timeout: 60_000 })
  })

  for (const width of [1024, 1366])
    for (const locale of LOCALES)
      it(`${width} px, ${locale}: the bulk bar's fields and labels stand apart`, async () => {
        const { page } = suite

        await page.setViewportSize({ width, height: 1000 })
        try {
          const app = await open('/review', locale)
          const bar = app.locator('[data-bulk-bar]')

          await bar.waitFor({ timeout: 60_000 })
          const m = messages[locale]
          const decision = await fieldBoxes(
            app,
            'decision',
            m['admin/key-steward.review.bulkDecision']
          )

          const justification = await fieldBoxes(
            app,
            'justification',
            m['admin/key-steward.review.bulkJustification']
          )

          assert.ok(decision.label, 'the decision field has its own label')
          assert.ok(justification.label, 'the justification has its own label')
          // each label stays within its own field
          for (const f of [decision, justification]) {
            assert.ok(f.label!.left >= f.field.left - 1, 'label inside field')
            assert.ok(f.label!.right <= f.field.right + 1, 'label inside field')
          }

          const sideBySide = justification.field.top < decision.field.bottom

          if (sideBySide) {
            assert.ok(
              justification.field.left - decision.field.right >= MIN_GAP_PX,
              `fields ${
                justification.field.left - decision.field.right
              } px apart`
            )
            assert.ok(
              justification.label!.left - decision.label!.right >= MIN_GAP_PX,
              `labels ${
                justification.label!.left - decision.label!.right
              } px apart`
            )
          } else
            assert.ok(
              justification.field.top - decision.field.bottom >= 8,
              'a wrapped field starts below the other, with room'
            )

          // what the justification is for is said under it, not in its name
          const input = bar.locator('[data-bulk-field="justification"] input')

          assert.equal(
            await input.evaluate((el) => {
              const id = el.getAttribute('aria-describedby')

              return id && document.getElementById(id)?.textContent
            }),
            m['admin/key-steward.review.bulkJustificationHelp']
          )
          assert.equal(
            (
              await input.evaluate(
                (el) => (el as HTMLInputElement).labels?.[0]?.textContent
              )
            )?.trim(),
            m['admin/key-steward.review.bulkJustification']
          )
          // nothing selected yet: the disabled button says what to do, never "Decide 0 keys"
          // (its own words for zero: Portuguese counts 0 as "one" otherwise), and why it is disabled
          const apply = bar.locator('[data-bulk-apply] button')

          assert.equal(
            (await apply.textContent())?.trim(),
            {
              en: 'Select keys to decide',
              pt: 'Selecione chaves para decidir',
              es: 'Selecciona claves para decidir',
            }[locale]
          )
          assert.ok(await apply.isDisabled())
          assert.equal(
            await apply.evaluate((el) => {
              const id = el.getAttribute('aria-describedby')

              return id && document.getElementById(id)?.textContent
            }),
            {
              en: 'No key selected: tick rows, or select all matching.',
              pt: 'Nenhuma chave selecionada: marque linhas ou selecione todas do filtro.',
              es: 'Ninguna clave seleccionada: marca filas o selecciona todas las del filtro.',
            }[locale]
          )
          assert.ok(
            await app.evaluate(
              () =>
                document.documentElement.scrollWidth <=
                document.documentElement.clientWidth
            ),
            'the page does not scroll sideways'
          )
          await bar.scrollIntoViewIfNeeded()
          await bar.screenshot({
            path: join(SHOTS, `bulkbar-${width}-${locale}.png`),
          })
        } finally {
          await page.setViewportSize({ width: 1440, height: 1000 })
        }
      })

  for (const locale of LOCALES)
    it(`${locale}: block headings (Completed reviews among them) start where their cards do`, async () => {
      const { page } = suite
      const app = await open('/review', locale)

      await app.waitForSelector('[data-bulk-bar]', { timeout: 60_000 })
      const history = messages[locale]['admin/key-steward.review.history']

      await app.getByRole('heading', { name: history }).waitFor()
      const blocks = await app.evaluate(() => {
        const h1 = document.querySelector('h1')!.getBoundingClientRect().left

        return Array.from(
          document.querySelectorAll('h2.styleguide__pageBlock_title')
        ).map((h) => {
          const block = h.closest('.styleguide__pageBlock')!
          const card = block.lastElementChild!.getBoundingClientRect()
          const next = h.nextElementSibling

          return {
            title: h.textContent ?? '',
            left: h.getBoundingClientRect().left,
            subtitle: next ? next.getBoundingClientRect().left : null,
            h1,
            // annotated blocks put their card beside the heading, not under it
            card: block.classList.contains('flex-row') ? null : card.left,
          }
        })
      })

      assert.ok(blocks.some((b) => b.title === history))
      for (const b of blocks) {
        assert.ok(Math.abs(b.left - b.h1) <= 1, `${b.title}: under the h1`)
        if (b.card !== null)
          assert.ok(
            Math.abs(b.left - b.card) <= 1,
            `${b.title} at ${b.left} px, its card at ${b.card} px`
          )
        if (b.subtitle !== null)
          assert.ok(
            Math.abs(b.subtitle - b.left) <= 1,
            `${b.title}: subtitle under the heading`
          )
      }

      await app
        .getByRole('heading', { name: history })
        .evaluate((h) => h.closest('.styleguide__pageBlock')!.scrollIntoView())
      await screenshotAdmin(
        page,
        app,
        join(SHOTS, `review-history-${locale}.png`),
        { fullPage: false }
      )
    })

  it('says that "Load live data" right after a read was answered by that read, and when a new one is possible', async () => {
    const { stack, page } = suite

    for (const locale of ['en', 'es'] as const) {
      // a complete read seconds ago: the page is served from it, and a live request within 30 s
      // too (read again per language: on a busy machine the first language can outlast 30 s)
      const read = await gql(
        stack,
        OWNER,
        '{ inventory(live: true) { source } }'
      )

      assert.equal(read.body.errors, undefined)
      const app = await open('/keys', locale)
      const line = app.locator('[data-source="RECENT"]')

      await line.waitFor({ timeout: 60_000 })
      assert.equal(await app.getByTestId('live-read-answered').count(), 0)
      await line
        .getByRole('button', {
          name: messages[locale]['admin/key-steward.source.refresh'],
        })
        .click()
      const notice = app.getByTestId('live-read-answered')

      await notice.waitFor({ timeout: 20_000 })
      const text = (await notice.textContent())!.replace(/\s+/g, ' ')
      const pattern = {
        en: /VTEX was read (?:just now|(\d+) seconds? ago); that read is shown\. You can read again in (\d+) seconds?\./,
        es: /VTEX se leyó (?:hace un momento|hace (\d+) segundos?); es esa lectura la que ves\. Puedes volver a leer en (\d+) segundos?\./,
      }[locale]

      const said = pattern.exec(text)

      assert.ok(said, text)
      const age = Number(said[1] ?? 0)

      assert.equal(Number(said[2]), Math.max(1, 30 - age))
      // announced politely, once: the notice is a status, not an alert
      assert.equal(
        await notice.locator('[role="status"]').count(),
        1,
        'one polite live region'
      )
      assert.equal(await notice.locator('[role="alert"]').count(), 0)
      await screenshotAdmin(
        page,
        app,
        join(SHOTS, `live-answered-${locale}.png`),
        {
          fullPage: false,
        }
      )
    }
  })
})

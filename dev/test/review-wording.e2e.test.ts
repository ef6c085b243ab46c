// A completed review in the browser, in Portuguese and Spanish: its log reads as words (no codes),
// its card counts decisions as "Manter: 40" without zeros and holds the "no change" line, and no
// Follow-up filter shows on the open review. Screenshots go to dev/artifacts/screenshots/wording6/.
import assert from 'node:assert/strict'
import { mkdirSync } from 'fs'
import { join } from 'path'
import { before, it } from 'node:test'

import { PRACTICES } from '../../node/domain/findings'
import { DEFAULT_FIXTURE, ROOT } from '../paths'
import { reviewPage } from './reviewPage'
import {
  axeViolations,
  screenshotAdmin,
  useBrowserStack,
  watchConsole,
} from './browser'

const SHOTS = join(ROOT, 'dev', 'artifacts', 'screenshots', 'wording6')
const suite = useBrowserStack({ fixture: DEFAULT_FIXTURE })
const problems: string[] = []

before(() => mkdirSync(SHOTS, { recursive: true }))

const { open, ok } = reviewPage(suite)

it('shows no Follow-up filter on the open review', async () => {
  watchConsole(suite.page, problems)
  await ok('mutation { startReview { id } }')
  const app = await open('pt')

  await app.waitForSelector(
    '[data-decisions-total]:not([data-decisions-total=""])'
  )
  assert.equal(await app.$('[data-carry-out-filter]'), null)
})

it('words the completed review and its log in Portuguese and Spanish', async () => {
  // every key kept (a justification for the risky ones), the checklist closed, signed
  await ok(
    'mutation($j: String) { decideKeys(matching: { status: UNDECIDED }, decision: KEEP, justification: $j) { reviewId } }',
    { j: 'Owners confirmed each key is still needed' }
  )
  await ok('mutation { runLeakScan { at } }')
  // eslint-disable-next-line no-await-in-loop
  for (const p of PRACTICES)
    await ok(
      'mutation($p: Practice!, $n: String) { checkPractice(practice: $p, status: DONE, note: $n) { id } }',
      { p, n: `Handled ${p} with the owners` }
    )
  const { completeReview } = await ok(
    'mutation { completeReview(note: "Quarterly review") { id progress { keysTotal } } }'
  )

  const kept = completeReview.progress.keysTotal

  for (const [locale, words] of [
    [
      'pt',
      {
        counts: `Manter: ${kept}`,
        start: `Iniciou a revisão com ${kept} chaves`,
        decide: /^Manteve .+/,
        bulk: `Decisão em massa, Manter para todas as chaves que atendem aos filtros: ${kept} chaves (cada uma abaixo)`,
        check: 'Checklist: Rotacionar chaves — concluída',
        complete: 'Assinou a revisão',
        none: 'Nenhuma decisão pede uma mudança: todas as chaves ficam como estavam.',
      },
    ],
    [
      'es',
      {
        counts: `Mantener: ${kept}`,
        start: `Inició la revisión con ${kept} claves`,
        decide: /^Mantuvo .+/,
        bulk: `Decisión masiva, Mantener para todas las claves que cumplen los filtros: ${kept} claves (cada una abajo)`,
        check: 'Lista de verificación: Rotar claves — hecha',
        complete: 'Firmó la revisión',
        none: 'Ninguna decisión pide un cambio: todas las claves quedan como estaban.',
      },
    ],
  ] as const) {
    // eslint-disable-next-line no-await-in-loop
    const app = await open(locale, `&review=${completeReview.id}`)

    // eslint-disable-next-line no-await-in-loop
    await app.waitForSelector('[data-review-log] tbody tr')
    // eslint-disable-next-line no-await-in-loop
    const seen = await app.evaluate(() => ({
      counts: document.querySelector('[data-decision-counts]')?.textContent,
      none: document.querySelector('[data-follow-up="none"]')?.textContent,
      // the "no change" line inside the card that holds the signature, after its heading
      noneInCard: !!document
        .querySelector('[data-signed-by]')
        ?.parentElement?.querySelector('[data-follow-up="none"]'),
      words: Array.from(
        document.querySelectorAll('[data-review-log] [data-log-words]')
      ).map((td) => td.textContent ?? ''),
      log: document.querySelector('[data-review-log]')?.textContent ?? '',
    }))

    assert.equal(seen.counts, words.counts)
    assert.equal(seen.none, words.none)
    assert.ok(seen.noneInCard, 'the no-change line is inside the card')
    assert.equal(seen.words[0], words.start)
    // the bulk decision's own line comes first, then one line per key it decided
    assert.equal(seen.words[1], words.bulk)
    assert.ok(
      seen.words.slice(2).every((w, i) => i >= kept || words.decide.test(w)),
      seen.words.slice(0, 4).join('\n')
    )
    assert.ok(seen.words.includes(words.check), seen.words.join('\n'))
    assert.equal(seen.words[seen.words.length - 1], words.complete)
    assert.doesNotMatch(seen.log, /\b(START|DECIDE|CHECK|COMPLETE|KEEP|DONE)\b/)
    // eslint-disable-next-line no-await-in-loop
    assert.deepEqual(await axeViolations(app), [])
    // the card and the log up close, for reading the words
    // eslint-disable-next-line no-await-in-loop
    await (await app.$('[data-signed-by]'))!
      .evaluateHandle((el) => el.parentElement!)
      .then((card) =>
        card
          .asElement()!
          .screenshot({ path: join(SHOTS, `card-${locale}.png`) })
      )
    // eslint-disable-next-line no-await-in-loop
    await (await app.$('[data-review-log]'))!.screenshot({
      path: join(SHOTS, `log-${locale}.png`),
    })
    // eslint-disable-next-line no-await-in-loop
    await screenshotAdmin(
      suite.page,
      app,
      join(SHOTS, `completed-review-${locale}.png`)
    )
  }

  assert.deepEqual(problems, [])
})

it("opens the open review from a completed one through the overdue banner's link", async () => {
  // the history lists completed reviews only
  const [done] = (await ok('{ reviews { id } }')).reviews

  // the completed review's period runs out: the banner shows on every page, this one too
  await fetch(`${suite.stack.platform.url}/_platform/clock`, {
    method: 'POST',
    body: JSON.stringify({ days: 200 }),
  })
  const app = await open('en', `&review=${done.id}`)

  await app.waitForSelector('[data-review-log] tbody tr')
  const link = app.locator('[data-reminder="REVIEW_OVERDUE"] a')

  await link.waitFor()
  await link.click()
  // the same page, now without ?review=: the open review's place (no review is open: start one)
  await app.waitForSelector('[data-review-log]', { state: 'detached' })
  assert.equal(new URL(app.url()).searchParams.get('review'), null)
  await app.getByRole('button', { name: /start/i }).first().waitFor()
  assert.deepEqual(problems, [])
})

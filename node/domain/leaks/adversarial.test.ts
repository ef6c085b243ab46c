// Adversarial 5 MB inputs: scanText must finish them in about one pass and still report correctly.
// No wall-clock assertions: the per-test timeout (30 s) is the guard. jest 25 cannot time out a
// synchronous test (the timer only fires once the blocked event loop is free, and by then the test
// has passed), so scanText runs here in a worker thread built from the same sources; the test
// awaits it, and jest's timeout fires while the worker is still busy.
import * as fs from 'fs'
import * as path from 'path'
import { Worker } from 'worker_threads'

import * as ts from 'typescript'

import { workerSource } from '../testing/workerSource'
import { readSitemap, scriptSources } from './pages'
import type { Exposure } from './scanText'
import { scanText } from './scanText'

jest.setTimeout(30_000)

const MB5 = 5_000_000
const URL_ = 'https://acme.myvtex.com/arquivos/big.js'
const T1 = 'BHHPCLJDRBWPBOJNDCICLZEOSSQNHXTE'.repeat(4)
const T2 = 'QWERTYUIOPLKJHGFDSAZXCVBNMQWERTY'.repeat(4)

/** `unit` repeated until the text reaches about `size` characters (whole units only). */
const fill = (unit: string, size = MB5) =>
  unit.repeat(Math.floor(size / unit.length))

const js = (file: string) =>
  JSON.stringify(
    ts.transpileModule(fs.readFileSync(path.join(__dirname, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
      },
    }).outputText
  )

const LOAD = `
  const { parentPort } = require('worker_threads')
  const load = (src, req) => { const module = { exports: {} }; new Function('require', 'module', 'exports', src)(req, module, module.exports); return module.exports }`

const SOURCE = workerSource(
  path.join(__dirname, 'scanText.ts'),
  "parentPort.on('message', ({ url, text }) => parentPort.postMessage(entry.scanText(url, text)))"
)

// The page readers, on htmlparser2 (required from node_modules like the module does).
const PAGES_SOURCE = `${LOAD}
  const pages = load(${js('pages.ts')}, require)
  parentPort.on('message', ({ fn, text }) => parentPort.postMessage(pages[fn](text)))`

let worker: Worker | null = null

afterEach(async () => {
  await worker?.terminate()
  worker = null
})

function offThread<T>(source: string, message: unknown): Promise<T> {
  const w = new Worker(source, { eval: true })

  w.unref() // a worker still busy after a timeout must not keep jest alive
  worker = w

  return new Promise((resolve, reject) => {
    w.once('message', resolve)
    w.once('error', reject)
    w.postMessage(message)
  })
}

const scanOffThread = (text: string) =>
  offThread<Exposure[]>(SOURCE, { url: URL_, text })

/** Every exposure: token masked, no 20+ capital run anywhere in what it carries. */
function expectMasked(exposures: Exposure[]) {
  expect(JSON.stringify(exposures)).not.toMatch(/[A-Z]{20,}/)
}

describe('scanText on adversarial 5 MB inputs', () => {
  it('the worker runs the same scanText as the module', async () => {
    const text = `'X-VTEX-API-AppKey': 'vtexappkey-acme-XDIUKI', 'X-VTEX-API-AppToken': '${T1}'\nx-vtex-api-apptoken ${' '.repeat(
      400
    )}${T2} share.vtex.com/credentials/x`

    expect(await scanOffThread(text)).toEqual(scanText(URL_, text))
  })

  it('a 5,000,000-character run of A: nothing', async () => {
    expect(await scanOffThread('A'.repeat(MB5))).toEqual([])
  })

  it('a 5,000,000-character run of A right after an AppToken header: nothing (no run of exactly 128)', async () => {
    expect(
      await scanOffThread(`'X-VTEX-API-AppToken': '${'A'.repeat(MB5)}'`)
    ).toEqual([])
  })

  it("'vtexappkey-' repeated with no suffix: nothing", async () => {
    expect(await scanOffThread(fill('vtexappkey-'))).toEqual([])
  })

  it("'vtexappkey-a-ABCDE' (5 capitals) repeated: nothing", async () => {
    expect(await scanOffThread(fill('vtexappkey-a-ABCDE'))).toEqual([])
    expect(await scanOffThread(fill('vtexappkey-a-ABCDE '))).toEqual([])
  })

  it("one long line of 'x-vtex-api-apptoken' repeated: nothing", async () => {
    expect(await scanOffThread(fill('x-vtex-api-apptoken'))).toEqual([])
  })

  it('128-capital runs separated by _ near context words: every token found and masked', async () => {
    const unit = `x-vtex-api-apptoken:${T1}_${T2}_`
    const text = fill(unit)
    const tokens = 2 * (text.length / unit.length)
    const out = await scanOffThread(text)

    expect(out).toHaveLength(tokens)
    expect(
      out.filter((e) => e.kind === 'TOKEN' && e.tokenFound && e.line === 1)
    ).toHaveLength(tokens)
    expect(new Set(out.map((e) => e.tokenMasked))).toEqual(
      new Set(['BHHP…', 'QWER…'])
    )
    expectMasked(out)
  })

  it('key/token pairs packed back to back: every key gets its own token, no loose token', async () => {
    const unit = `vtexappkey-a-ABCDEF ${T1} vtexappkey-b-GHIJKL ${T2} `
    const out = await scanOffThread(fill(unit))
    const pairs = Math.floor(MB5 / unit.length)

    expect(out).toHaveLength(2 * pairs)
    expect(
      out.filter(
        (e) => e.appKey === 'vtexappkey-a-ABCDEF' && e.tokenMasked === 'BHHP…'
      )
    ).toHaveLength(pairs)
    expect(
      out.filter(
        (e) => e.appKey === 'vtexappkey-b-GHIJKL' && e.tokenMasked === 'QWER…'
      )
    ).toHaveLength(pairs)
    expectMasked(out)
  })

  it('keys inside 5 MB of one-letter string pieces: every key found, each snippet shows at most 4 of the pieces', async () => {
    const unit = `vtexappkey-a-ABCDEF apptoken=${"'Q'+".repeat(60)}`
    const out = await scanOffThread(fill(unit))

    expect(out).toHaveLength(Math.floor(MB5 / unit.length))
    for (const e of out.slice(0, 1000))
      expect(
        (e.snippet.replace(/vtexappkey-a-ABCDEF/g, '').match(/[A-Z]/g) ?? [])
          .length
      ).toBeLessThanOrEqual(4)
  })

  // The regexes are linear; these two check that matching tokens with context words and keys with
  // tokens is too: 312,000 context words followed by 19,000 runs out of their reach, and 125,000
  // keys followed by 37,000 tokens out of theirs, cost billions of checks if each run is compared
  // with every context word or key (they took 30+ s and 13–29 s before scanText searched a window).
  it('many context words, then many 128-capital runs out of their reach: nothing', async () => {
    const head = 'apptoken'.repeat(312_000) + ' '.repeat(400)
    const text = head + fill(`${T1}_`, MB5 - head.length)

    expect(text.length).toBeLessThanOrEqual(MB5)
    expect(await scanOffThread(text)).toEqual([])
  })

  it('many keys, then many tokens out of their reach: keys without token, tokens loose', async () => {
    const head = 'vtexappkey-a-ABCDEF.'.repeat(125_000) + ' '.repeat(400)
    const unit = `apptoken_${T1}_${T2}_`
    const tail = fill(unit, MB5 - head.length)
    const out = await scanOffThread(head + tail)
    const tokens = 2 * (tail.length / unit.length)

    expect(
      out.filter((e) => e.kind === 'APP_KEY' && !e.tokenFound)
    ).toHaveLength(125_000)
    expect(out.filter((e) => e.kind === 'TOKEN')).toHaveLength(tokens)
    expect(out).toHaveLength(125_000 + tokens)
    expectMasked(out.slice(-100))
  })
})

// htmlparser2's Parser is quadratic on unclosed tags (it unshifts and searches an array of them);
// the readers use its Tokenizer alone (the unclosed tags below took minutes through the Parser).
describe('page readers on adversarial 5 MB inputs', () => {
  const read = (fn: 'scriptSources' | 'readSitemap', text: string) =>
    offThread<unknown>(PAGES_SOURCE, { fn, text })

  it('the worker runs the same readers as the module', async () => {
    const html =
      '<script src=/a.js></script><script data-x="a>b" src="/b.js?x=1&amp;y=2"></script>'

    const xml =
      '<sitemapindex><sitemap><loc><![CDATA[https://a/s.xml]]></loc></sitemap></sitemapindex>'

    expect(await read('scriptSources', html)).toEqual(scriptSources(html))
    expect(await read('readSitemap', xml)).toEqual(readSitemap(xml))
  })

  it('unclosed tags, then as many stray closing tags: nothing', async () => {
    const text = fill('<a>', MB5 / 2) + fill('</b>', MB5 / 2)

    expect(await read('scriptSources', text)).toEqual([])
    expect(await read('readSitemap', text)).toEqual({ pages: [], sitemaps: [] })
  })

  it('unclosed <loc> and <url> tags: nothing', async () => {
    expect(await read('readSitemap', fill('<url><loc>'))).toEqual({
      pages: [],
      sitemaps: [],
    })
  })

  it('script tags with an unquoted src, back to back: every one found', async () => {
    const unit = '<script src=/a.js></script>'

    expect(await read('scriptSources', fill(unit))).toHaveLength(
      Math.floor(MB5 / unit.length)
    )
  })

  it('a 5 MB src of entities: not a URL, nothing', async () => {
    expect(
      await read('scriptSources', `<script src="${fill('&amp;')}">`)
    ).toEqual([])
  })
})

// Hostile megabytes for the pasted-secret check: it must finish them in about one pass (linear)
// and still answer right. No wall-clock assertions: the per-test timeout (30 s) is the guard, with
// the check in a worker thread so the timeout fires while a hanging call is still busy (jest 25
// cannot time out a synchronous test). Figures: `npm run bench:secrets`.
import * as path from 'path'
import { Worker } from 'worker_threads'
import * as zlib from 'zlib'

import { workerSource } from '../testing/workerSource'
import { containsTokenLike, redactTokens } from '../secrets'

jest.setTimeout(30_000)

const MB2 = 2_000_000
const fill = (unit: string) => unit.repeat(Math.ceil(MB2 / unit.length))
const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64')

const SOURCE = workerSource(
  path.join(__dirname, '..', 'secrets.ts'),
  `parentPort.on('message', (text) => {
    const redacted = entry.redactTokens(text)
    parentPort.postMessage({ refused: entry.containsTokenLike(text), redacted: redacted.length, changed: redacted !== text })
  })`
)

let worker: Worker | null = null

afterEach(async () => {
  await worker?.terminate()
  worker = null
})

function offThread(
  text: string
): Promise<{ refused: boolean; redacted: number; changed: boolean }> {
  const w = new Worker(SOURCE, { eval: true })

  w.unref()
  worker = w

  return new Promise((resolve, reject) => {
    w.once('message', resolve)
    w.once('error', reject)
    w.postMessage(text)
  })
}

/** One gzip member: 1 MB of prose in about 3 kB. */
const member = zlib.gzipSync(
  Buffer.from('The ERP syncs orders. '.repeat(48_000)),
  { level: 9 }
)

test('the worker runs the same check as the module', async () => {
  const text = `note ${b64(T)} and ${T.split('').join(' ')} end`

  expect(await offThread(text)).toEqual({
    refused: containsTokenLike(text),
    redacted: redactTokens(text).length,
    changed: true,
  })
})

test.each([
  [
    'prose',
    fill('A chave é usada pela integração do ERP; the key syncs orders. '),
  ],
  ['one letter', 'x'.repeat(MB2)],
  ['letters spelled out with spaces', fill('a ')],
  ['pairs of letters with dots', fill('ab.')],
  ['letters with zero-width spaces', fill('q\u200b')],
  ['random-looking base64 in pieces', fill('Zm9v YmFy+/ x2 ')],
  // decoded from every alignment, layer after layer, it fanned out (secrets/periodic.ts)
  ['zeros, a letter after', `${'0'.repeat(MB2)}x`],
])('%s: finishes, nothing found', async (_, text) => {
  expect(await offThread(text)).toEqual({
    refused: false,
    redacted: text.length,
    changed: false,
  })
})

test('gzip headers over and over: finishes, refused past 32 inflations (a swarm is not vouched for)', async () => {
  expect(await offThread(fill('H4sIAAAAAAAA '))).toMatchObject({
    refused: true,
    changed: true,
  })
})

test.each([
  ['capitals', 'A'.repeat(MB2)],
  ['capitals spelled with dashes', fill('Q-')],
  ['hex with colons', fill('5a:')],
  ['URL-encoded capitals', fill('%5A')],
  ['UTF-16 zero bytes', fill('Q\u0000')],
  [
    'a token spelled out, then a megabyte of spaced letters',
    `${T.split('').join(' ')} ${fill('a ')}`,
  ],
])('%s: finishes, refused and redacted', async (_, text) => {
  const out = await offThread(text)

  expect(out.refused).toBe(true)
  expect(out.changed).toBe(true)
})

test('a zip bomb (a gzip file of 600 members, 600 MB inflated): refused, without inflating it', async () => {
  const bomb = b64(Buffer.concat(Array(600).fill(member)))

  expect(bomb.length).toBeLessThan(MB2 * 2)
  expect(await offThread(`cfg: ${bomb}`)).toMatchObject({
    refused: true,
    changed: true,
  })
})

test('a swarm of small zip bombs, cut by spaces: refused at the first (it inflates past 64 KiB)', async () => {
  const one = b64(member)

  expect(await offThread(fill(`${one} `))).toMatchObject({
    refused: true,
    changed: true,
  })
})

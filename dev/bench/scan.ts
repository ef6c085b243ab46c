// `node --import tsx dev/bench/scan.ts`: throughput (MB/s) of the storefront detectors (scanText)
// over ~4 MB of generated minified JavaScript with a few leaked keys and tokens, and over the
// adversarial 5 MB run of capitals. Prints figures; asserts nothing (this machine is small and noisy).
import { performance } from 'perf_hooks'

import { scanText } from '../../node/domain/leaks/scanText'

/** mulberry32: a small seeded PRNG, so every run scans the same text. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)

    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t)

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function minifiedJs(
  size: number,
  seed: number
): { text: string; planted: number } {
  const rnd = prng(seed)
  const int = (n: number) => Math.floor(rnd() * n)
  const pick = <T>(xs: T[]) => xs[int(xs.length)]
  const from = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => alphabet[int(alphabet.length)]).join('')

  const lower = 'abcdefghijklmnopqrstuvwxyz'
  const upper = lower.toUpperCase()
  const b64 = `${upper + lower}0123456789+/`
  const words = [
    'function',
    'return',
    'var',
    'this',
    'new',
    'typeof',
    'null',
    'void 0',
    'document',
    'window',
    'prototype',
    'length',
    'push',
    'call',
    'apply',
    'JSON.stringify',
    'Object.keys',
    'addEventListener',
    'querySelector',
    'Promise.resolve',
    'headers',
    'Accept',
    'application/json',
    'orderForm',
    'skuId',
    'sellerId',
  ]

  const ident = () =>
    (rnd() < 0.5 ? from(`${lower}_$`, 1 + int(2)) : pick(words).split('.')[0]) +
    (rnd() < 0.3 ? from(upper, 1) + from(lower, int(4)) : '')

  const parts: string[] = []
  let length = 0
  let planted = 0

  while (length < size) {
    const r = rnd()
    let s: string

    if (r < 0.00002) {
      // a leak: key and token in request headers, minified
      s = `headers:{"X-VTEX-API-AppKey":"vtexappkey-${from(
        lower,
        4 + int(6)
      )}-${from(upper, 6)}","X-VTEX-API-AppToken":"${from(upper, 128)}"}`
      planted++
    } else if (r < 0.002)
      s = `"data:font/woff2;base64,${from(b64, 200 + int(2000))}"`
    else if (r < 0.2) s = `"${from(`${lower + upper} -_/.`, int(24))}"`
    else if (r < 0.35)
      s = String(rnd() < 0.5 ? int(100000) : (rnd() * 1000).toFixed(int(4)))
    else s = ident()
    // minified code: an operator or punctuation between every two atoms
    s =
      pick([
        '(',
        ')',
        '{',
        '}',
        ';',
        ',',
        '.',
        '=',
        '===',
        '!==',
        '&&',
        '||',
        '?',
        ':',
        '+',
        '[',
        ']',
        ';return ',
        'function(',
        '){',
        '};var ',
        ',',
        '.',
        '(',
      ]) + s
    parts.push(s)
    length += s.length
  }

  return { text: parts.join(''), planted }
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function bench(name: string, text: string, note: string) {
  let found: ReturnType<typeof scanText> = []
  const times: number[] = []

  for (let run = 0; run < 6; run++) {
    const t0 = performance.now()

    found = scanText('https://acme.myvtex.com/arquivos/bench.js', text)
    if (run >= 1) times.push(performance.now() - t0)
  }

  const withToken = found.filter((e) => e.tokenFound).length
  const ms = median(times)
  const mb = text.length / 1e6

  console.log(
    `${name.padEnd(34)} ${mb.toFixed(2).padStart(5)} MB  ${ms
      .toFixed(1)
      .padStart(8)} ms  ${(mb / (ms / 1000))
      .toFixed(1)
      .padStart(7)} MB/s  ${String(found.length).padStart(
      3
    )} exposures (${withToken} with token)  ${note}`
  )
}

console.log('scanText throughput (median of 5 runs after 1 warm-up)')
const js = minifiedJs(4_000_000, 7)

bench(
  'synthetic minified JS (seed 7)',
  js.text,
  `(${js.planted} key+token pairs planted)`
)
bench('adversarial run of capitals', 'A'.repeat(5_000_000), '(expected 0)')

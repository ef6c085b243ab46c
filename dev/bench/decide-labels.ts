// `node --import tsx dev/bench/decide-labels.ts`: what a single decision spends on the keys'
// labels now at 5,000 keys. Before: the map of every key's label (labelsOf); after: the asked
// key's only (labelsOfOnly). Prints figures; asserts nothing.
import { performance } from 'perf_hooks'

import { labelsOfOnly, nameNow } from '../../node/domain/review/labelNow'

const KEYS = 5000
const ROUNDS = 2000
const keys = Array.from({ length: KEYS }, (_, i) => ({
  id: `vtexappkey-acme-${String(i).padStart(6, '0')}`,
  label: `Integration ${i}`,
  appKey: `vtexappkey-acme-${String(i).padStart(6, '0')}`,
}))

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function time(
  name: string,
  labelsFor: (id: string) => ReadonlyMap<string, string>
) {
  const ms: number[] = []
  let names = 0

  for (let i = 0; i < ROUNDS; i++) {
    const k = keys[(i * 7919) % KEYS]
    const t = performance.now()

    names += nameNow(k, labelsFor(k.id)).length
    ms.push(performance.now() - t)
  }

  console.log(
    `${name}: median ${median(ms).toFixed(3)} ms, p95 ${[...ms]
      .sort((a, b) => a - b)
      [Math.floor(ms.length * 0.95)].toFixed(
        3
      )} ms per decision (${names} chars named)`
  )
}

console.log(`${KEYS} keys, ${ROUNDS} decisions each`)
time(
  'before (map of every key)',
  () => new Map(keys.map((k) => [k.id, k.label]))
)
time('after (the asked key only)', (id) => labelsOfOnly(keys, [id]))

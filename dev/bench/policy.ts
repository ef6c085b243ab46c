// `npm run bench:policy`: time to evaluate every rule (and the hygiene score with the costs the
// Overview names) over generated inventories of 1,000, 10,000 and 50,000 keys with 20% as many
// users, for a key list seen the first time and again. Prints figures; asserts nothing (this
// machine is small and noisy). Linear growth shows as a flat "µs per key".
import { performance } from 'perf_hooks'

import { evaluate } from '../../node/domain/engine'
import { hygieneScore, TOP_COSTS } from '../../node/domain/hygiene'
import type { RolesResult } from '../../node/domain/inventory'
import { assembleInventory, fromStoredCopy } from '../../node/domain/inventory'
import type { PolicyInput } from '../../node/domain/rules/types'
import { withDefaults } from '../../node/domain/settings'
import { generateFixture } from '../fixtures/generate'

function inputFor(keys: number): PolicyInput {
  // As the service gets them: parsed from JSON (License Manager's answers, VBase documents).
  // Strings built by the generator are ropes that read several times slower character by
  // character than the flat strings JSON.parse makes.
  const f = JSON.parse(
    JSON.stringify(
      generateFixture({ keys, users: Math.round(keys * 0.2), seed: 7 })
    )
  ) as ReturnType<typeof generateFixture>
  const roleById = new Map(f.roles.map((r) => [r.id, r]))
  const rolesOf = new Map<string, RolesResult>()

  for (const id of [
    ...f.appKeys.map((k) => k.id),
    ...f.users.map((u) => u.id),
  ]) {
    rolesOf.set(id, {
      ok: true,
      roles: (f.roleAssignments[id] ?? []).map((r) => roleById.get(r)!),
    })
  }

  const now = new Date(f.now)
  const storage = (f.appStorage ?? {}) as Record<string, any>

  return {
    account: f.account,
    now,
    inventory: assembleInventory({
      now,
      keys: f.appKeys,
      roles: f.roles,
      users: f.users,
      externalKeys: [],
      rolesOf,
    }),
    settings: withDefaults(null),
    annotations: storage.annotations ?? {},
    renewals: storage.renewals ?? {},
    lastReviewCompletedAt: null,
  }
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

interface Figures {
  wall: number
  cpu: number
  findings: number
}

/**
 * The copy as a replica that started after it was saved holds it: read back from VBase (JSON)
 * with the catalog's role objects shared again (recentCopy.ts readCopy).
 */
const readBack = (input: PolicyInput): PolicyInput => ({
  ...input,
  inventory: fromStoredCopy(JSON.parse(JSON.stringify(input.inventory))),
})

type Evaluation = 'new list' | 'next minute' | 'read back'

/**
 * Median of 21 runs after 2 warm-ups (on this noisy machine the median of 7 moved by ±25% from
 * one run of the script to the next). "new list": every run gets a new key list (a copy), as
 * after a live read, so nothing is kept: the facts of the list (keyFacts.ts) and every rule's
 * findings are worked out again (a key's creation time comes parsed with its entry: the live
 * read parses it anyway to count the key's age, inventory.ts). "next minute": the same list and documents with the clock a
 * minute on each run, as the service evaluates the recent copy each minute: the rules reading
 * the clock run again, the others' findings are reused (engine.ts), and everything after the
 * rules (grouping by key, order, hygiene score) is done again. "read back": a new list each run,
 * of the copy as read back from VBase by a new replica (its strings and objects lie in memory in
 * list order; the list of a live read lies in the order VTEX answered).
 */
function measure(input: PolicyInput, evaluation: Evaluation): Figures {
  const fresh = evaluation !== 'next minute'

  const wall: number[] = []
  const cpu: number[] = []
  let findings = 0

  for (let run = 0; run < 23; run++) {
    const given = fresh
      ? {
          ...input,
          inventory: { ...input.inventory, keys: [...input.inventory.keys] },
        }
      : { ...input, now: new Date(input.now.getTime() + (run + 1) * 60_000) }

    const c0 = process.cpuUsage()
    const t0 = performance.now()
    const { findings: fs, byKey } = evaluate(given)

    hygieneScore(given.inventory, fs, byKey, TOP_COSTS)
    const dt = performance.now() - t0
    const c = process.cpuUsage(c0)

    if (run >= 2) {
      wall.push(dt)
      cpu.push((c.user + c.system) / 1000)
    }

    findings = fs.length
  }

  return { wall: median(wall), cpu: median(cpu), findings }
}

// Wall time and this process's CPU time side by side: on a shared machine the wall time also
// counts the time other processes held the CPU; the CPU time is what the engine itself cost.
console.log(
  'keys     users   findings   evaluation    median ms (wall)   median ms (CPU)   µs/key (CPU)'
)
for (const keys of [1_000, 10_000, 50_000]) {
  const live = inputFor(keys)

  for (const evaluation of [
    'new list',
    'next minute',
    'read back',
  ] as Evaluation[]) {
    const input = evaluation === 'read back' ? readBack(live) : live
    const m = measure(input, evaluation)

    console.log(
      `${String(keys).padEnd(8)} ${String(input.inventory.users.length).padEnd(
        7
      )} ${String(m.findings).padEnd(10)} ${evaluation.padEnd(11)}   ${m.wall
        .toFixed(1)
        .padStart(16)}   ${m.cpu.toFixed(1).padStart(15)}   ${(
        (m.cpu * 1000) /
        keys
      )
        .toFixed(2)
        .padStart(12)}`
    )
  }
}

// Issue 13 through the whole stack: the recent copy (served at once, only to sessions holding the
// read resources, with its age, revalidated, patched by writes made through Key Steward), the
// server-paged lists, and role reads that slow down when VTEX rate-limits them.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import {
  ageRecentCopy,
  errorCode,
  gql,
  loadJson,
  recordOwner,
  useStack,
} from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const OWNER = 'session-ana-owner'
const SECURITY = 'session-bruno-security' // a custom auditor role with the read resources
const LACKING = [
  'session-carla-readonly',
  'session-diego-callcenter',
  'session-frank-saveonly',
]

const LIST =
  '{ keyList(pageSize: 500) { total inventory { source version ageSeconds revalidating complete } rows { id isActive external findings { rule } } } }'

const stack = useStack({ fixture: DEFAULT_FIXTURE })

const roleCalls = () =>
  stack.platform.requests.filter(
    (r) => /\/users\/[^/]+\/roles$/.test(r.path) && r.method === 'GET'
  ).length

const keyList = async (cookie = OWNER, query = LIST) => {
  const r = await gql(stack, cookie, query)

  assert.equal(r.body.errors, undefined, r.text.slice(0, 400))

  return r.body.data.keyList
}

const ageCopy = (minutes: number) => ageRecentCopy(stack, minutes)

const inventoryStatus = async () =>
  (
    await gql(
      stack,
      OWNER,
      '{ inventoryStatus { version reading ageSeconds } }'
    )
  ).body.data.inventoryStatus

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 20_000
): Promise<T> {
  const end = Date.now() + ms

  for (;;) {
    const v = await probe()

    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('the recent copy', () => {
  it('a cold read is live and leaves a copy; the next page is served from it at once, saying its age', async () => {
    const first = await keyList()

    assert.equal(first.inventory.source, 'LIVE')
    assert.ok(first.inventory.version, 'the live read names the copy it left')
    const calls = roleCalls()

    assert.ok(calls > 0)
    const second = await keyList()

    assert.equal(second.inventory.source, 'RECENT')
    assert.equal(second.inventory.version, first.inventory.version)
    assert.equal(typeof second.inventory.ageSeconds, 'number')
    assert.equal(second.inventory.revalidating, false)
    assert.equal(roleCalls(), calls, 'no role was read again')
    assert.deepEqual(
      second.rows.map((r: { id: string }) => r.id),
      first.rows.map((r: { id: string }) => r.id)
    )
    // another admin holding the read resources gets it too
    assert.equal((await keyList(SECURITY)).inventory.source, 'RECENT')
  })

  it('is never served to a session without the read resources, whatever page asks', async () => {
    await keyList() // the copy exists
    const pages: Record<string, string> = {
      keys: '{ keyList { total rows { id } } }',
      users: '{ userList { total rows { id } } }',
      overview:
        '{ inventory { source } hygiene { score } findings(first: 8) { rule } }',
      keyPage: '{ inventory { keys { id findings { rule } } } }',
      status: '{ inventoryStatus { version progress { done } } }',
      reminders: '{ reminders { kind } }',
    }

    for (const cookie of LACKING) {
      for (const [page, query] of Object.entries(pages)) {
        const r = await gql(stack, cookie, query)

        assert.equal(
          errorCode(r),
          'FORBIDDEN',
          `${cookie} on ${page}: ${r.text.slice(0, 200)}`
        )
        assert.doesNotMatch(
          r.text,
          /RECENT|vtexappkey/,
          `${cookie} on ${page} saw account data`
        )
      }
    }
  })

  it("a stale copy says its age, is served at once, and is replaced by a background read that VTEX's changes land in", async () => {
    const first = await keyList()

    ageCopy(10)
    // Changed in VTEX's Admin, not through Key Steward: only a new read can see it.
    const victim = stack.fixture.appKeys.find((k) => k.isActive)!

    victim.isActive = false
    const stale = await keyList()

    assert.equal(stale.inventory.source, 'RECENT')
    assert.ok(
      stale.inventory.ageSeconds >= 600,
      `age ${stale.inventory.ageSeconds}`
    )
    assert.equal(stale.inventory.revalidating, true)
    assert.equal(
      stale.rows.find((r: { id: string }) => r.id === victim.id).isActive,
      true,
      'the stale copy is what was read'
    )
    const landed = await until('the revalidation', async () => {
      const s = await inventoryStatus()

      return !s.reading && s.version !== stale.inventory.version && s
    })

    assert.ok(landed.ageSeconds < 60)
    const fresh = await keyList()

    assert.equal(fresh.inventory.version, landed.version)
    assert.notEqual(fresh.inventory.version, first.inventory.version)
    assert.equal(fresh.inventory.revalidating, false)
    assert.equal(
      fresh.rows.find((r: { id: string }) => r.id === victim.id).isActive,
      false
    )
  })

  it('a background read that finds VTEX unchanged keeps the copy: same version, its body not written again, a new age', async () => {
    const first = await keyList()

    ageCopy(10)
    const bodyWrites = () =>
      stack.platform.requests.filter(
        (r) => r.method === 'PUT' && /snapshots.*recent\.json/.test(r.path)
      ).length
    const before = bodyWrites()
    const calls = roleCalls()
    const stale = await keyList()

    assert.equal(stale.inventory.revalidating, true)
    const landed = await until('the revalidation', async () => {
      const s = await inventoryStatus()

      return !s.reading && s.ageSeconds < 60 && s
    })

    assert.ok(roleCalls() > calls, 'VTEX was read again')
    assert.equal(landed.version, first.inventory.version)
    assert.equal(bodyWrites(), before, 'the body was not written again')
    const after = await keyList()

    assert.equal(after.inventory.version, first.inventory.version)
    assert.equal(after.inventory.revalidating, false)
    assert.ok(
      after.inventory.ageSeconds < 60,
      String(after.inventory.ageSeconds)
    )
  })

  it('"Load live data" reads VTEX even when the copy is fresh, but not twice in a row', async () => {
    const loadLiveData = () =>
      keyList(
        OWNER,
        LIST.replace(
          'keyList(pageSize: 500)',
          'keyList(pageSize: 500, live: true)'
        )
      )

    await keyList()
    ageCopy(1) // read a minute ago: "fresh" for the page, old enough for a new read
    const before = roleCalls()
    const live = await loadLiveData()

    assert.equal(live.inventory.source, 'LIVE')
    assert.ok(roleCalls() > before)

    // Clicked again at once (or a script looping): the read that just ended answers, with its
    // age; VTEX is not asked for every key and user again.
    const after = roleCalls()
    const again = await loadLiveData()

    assert.equal(again.inventory.source, 'RECENT')
    assert.ok(
      again.inventory.ageSeconds < 30,
      String(again.inventory.ageSeconds)
    )
    assert.equal(roleCalls(), after)

    // a read time ahead of the clock (a skewed replica, a bad document) is not "just read"
    ageCopy(-10)
    const skewed = roleCalls()
    const ahead = await loadLiveData()

    assert.equal(ahead.inventory.source, 'LIVE')
    assert.ok(roleCalls() > skewed)
  })

  it("an admin's writes through Key Steward show at once: key action, annotation, settings, external key", async () => {
    const first = await keyList()
    const key = stack.fixture.appKeys.find(
      (k) =>
        k.isActive &&
        first.rows.some(
          (r: { id: string; findings: Array<{ rule: string }> }) =>
            r.id === k.id && r.findings.some((f) => f.rule === 'no-owner')
        )
    )!

    const before = roleCalls()
    const off = await gql(
      stack,
      OWNER,
      'mutation($k: ID!, $c: String!) { deactivateKey(keyId: $k, confirm: $c) { carriedOut key { isActive } } }',
      { k: key.id, c: key.appKey }
    )

    assert.equal(off.body.errors, undefined, off.text.slice(0, 300))
    const afterAction = await keyList()

    assert.equal(afterAction.inventory.source, 'RECENT')
    assert.equal(
      afterAction.rows.find((r: { id: string }) => r.id === key.id).isActive,
      false
    )
    assert.ok(roleCalls() - before <= 2, 'the copy was patched, not read again')

    const other = stack.fixture.appKeys.find(
      (k) =>
        k.isActive &&
        k.id !== key.id &&
        afterAction.rows.some(
          (r: { id: string; findings: Array<{ rule: string }> }) =>
            r.id === k.id && r.findings.some((f) => f.rule === 'no-owner')
        )
    )!

    await recordOwner(stack, OWNER, other.id)
    const afterNote = await keyList()

    assert.equal(afterNote.inventory.source, 'RECENT')
    assert.ok(
      !afterNote.rows
        .find((r: { id: string }) => r.id === other.id)
        .findings.some((f: { rule: string }) => f.rule === 'no-owner')
    )

    const ageFindings = (l: {
      rows: Array<{ findings: Array<{ rule: string }> }>
    }) =>
      l.rows.filter((r) =>
        r.findings.some((f) => f.rule === 'key-age-exceeded')
      ).length

    const set = await gql(
      stack,
      OWNER,
      'mutation { updateSettings(settings: { rotationDays: 365 }) { rotationDays } }'
    )

    assert.equal(set.body.errors, undefined, set.text.slice(0, 300))
    const afterSettings = await keyList()

    assert.ok(
      ageFindings(afterSettings) < ageFindings(afterNote),
      'a longer rotation period clears age findings at once'
    )

    const appKey = 'vtexappkey-partnerco-ABCDEF'
    const reg = await gql(
      stack,
      OWNER,
      'mutation($a: String!) { registerExternalKey(appKey: $a, account: "partnerco") { appKey } }',
      { a: appKey }
    )

    if (!reg.body.errors) {
      const withExternal = await keyList(
        OWNER,
        `{ keyList(ids: ["${appKey}"]) { total inventory { source } rows { id external account } } }`
      )

      assert.equal(withExternal.inventory.source, 'RECENT')
      assert.deepEqual(withExternal.rows, [
        { id: appKey, external: true, account: 'partnerco' },
      ])
    }
  })
})

describe('server-paged lists', () => {
  const page = async (args: string) =>
    keyList(
      OWNER,
      `{ keyList(${args}) { total allTotal page pages pageSize rules rows { id label isActive findings { rule severity } } } }`
    )

  it('pages, sorts, filters and searches on the server, with totals', async () => {
    const all = await page('pageSize: 500, sort: "label"')

    assert.equal(
      all.allTotal,
      fixture.appKeys.length + (fixture.externalKeys ?? []).length
    )
    const labels = all.rows.map((r: { label: string }) => r.label)
    const collator = new Intl.Collator('en', {
      sensitivity: 'base',
      numeric: true,
    })

    assert.deepEqual(labels, [...labels].sort(collator.compare))
    const p2 = await page('pageSize: 10, page: 2, sort: "label"')

    assert.deepEqual(
      [p2.page, p2.pageSize, p2.pages, p2.total],
      [2, 10, Math.ceil(all.total / 10), all.total]
    )
    assert.deepEqual(
      p2.rows.map((r: { id: string }) => r.id),
      all.rows.slice(10, 20).map((r: { id: string }) => r.id)
    )

    const critical = await page('severity: CRITICAL, pageSize: 500')

    assert.ok(critical.total > 0)
    assert.ok(
      critical.rows.every((r: { findings: Array<{ severity: string }> }) =>
        r.findings.some((f) => f.severity === 'CRITICAL')
      )
    )
    const byRule = await page('rule: "generic-label", pageSize: 500')

    assert.ok(
      byRule.total > 0 &&
        byRule.rows.every((r: { findings: Array<{ rule: string }> }) =>
          r.findings.some((f) => f.rule === 'generic-label')
        )
    )
    assert.ok(all.rules.includes('generic-label'))
    const inactive = await page('status: "inactive", pageSize: 500')

    assert.ok(inactive.rows.every((r: { isActive: boolean }) => !r.isActive))

    const target = fixture.appKeys.find((k) => k.label.length > 6)!
    const found = await page(
      `search: ${JSON.stringify(
        target.label.slice(0, 6).toUpperCase()
      )}, pageSize: 500`
    )

    assert.ok(found.rows.some((r: { id: string }) => r.id === target.id))
    assert.ok(found.total < all.total)
    const named = await page(
      `ids: [${JSON.stringify(fixture.appKeys[0].id)}, ${JSON.stringify(
        fixture.appKeys[1].id
      )}]`
    )

    assert.deepEqual(
      named.rows.map((r: { id: string }) => r.id).sort(),
      [fixture.appKeys[0].id, fixture.appKeys[1].id].sort()
    )
  })

  it('worst finding first by default; refuses bad arguments with the field named', async () => {
    const sev = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']
    const rows = (await page('pageSize: 500')).rows as Array<{
      findings: Array<{ severity: string }>
    }>

    const worst = rows.map((r) =>
      Math.min(5, ...r.findings.map((f) => sev.indexOf(f.severity)))
    )

    assert.deepEqual(
      worst,
      [...worst].sort((a, b) => a - b)
    )
    for (const [args, field] of [
      ['pageSize: 0', 'pageSize'],
      ['pageSize: 501', 'pageSize'],
      ['page: 0', 'page'],
      ['sort: "nope"', 'sort'],
      ['status: "gone"', 'status'],
      ['rule: "no-such-rule"', 'rule'],
    ]) {
      const r = await gql(stack, OWNER, `{ keyList(${args}) { total } }`)

      assert.equal(errorCode(r), 'BAD_USER_INPUT', args)
      assert.equal(r.body.errors![0].extensions!.field, field)
    }
  })

  it('ships one page, not the account: a 10-row page is a fraction of the full inventory', async () => {
    const small = await gql(
      stack,
      OWNER,
      '{ keyList(pageSize: 10) { total rows { id label findings { message } } } }'
    )

    const full = await gql(
      stack,
      OWNER,
      '{ inventory { keys { id label findings { message } } } }'
    )

    assert.ok(
      small.text.length * 2 < full.text.length,
      `${small.text.length} vs ${full.text.length} bytes`
    )
  })

  it('users: owners first, searched and paged on the server', async () => {
    const r = await gql(
      stack,
      OWNER,
      '{ userList(pageSize: 3) { total allTotal ownerCount pages rows { email roles { isAdmin } } } }'
    )

    const list = r.body.data.userList

    assert.equal(list.allTotal, fixture.users.length)
    assert.equal(list.rows.length, 3)
    assert.ok(list.ownerCount > 0)
    assert.ok(list.rows[0].roles.some((x: { isAdmin: boolean }) => x.isAdmin))
    const one = (
      await gql(
        stack,
        OWNER,
        `{ userList(search: ${JSON.stringify(
          fixture.users[0].email.toUpperCase()
        )}) { total rows { email } } }`
      )
    ).body.data.userList

    assert.ok(
      one.rows.some(
        (u: { email: string }) => u.email === fixture.users[0].email
      )
    )
  })
})

describe('role reads under VTEX rate limiting', () => {
  it('a 429 storm slows the fan-out (fewer refusals than calls) and the read still ends complete', async () => {
    // VTEX refuses a request that finds 3 others in flight; Key Steward starts with 8 at once.
    stack.platform.faults.set([
      { path: '/roles$', status: 429, retryAfter: 1, maxInFlight: 3 },
      { path: '/roles$', latencyMs: 20 },
    ])
    stack.platform.requests.length = 0
    const inv = (
      await gql(
        stack,
        OWNER,
        '{ inventory(live: true) { complete missing keys { id } } }'
      )
    ).body.data.inventory

    assert.equal(inv.complete, true, inv.missing.join('; '))
    const refused = stack.platform.requests.filter(
      (r) => r.path.endsWith('/roles') && r.status === 429
    ).length

    const served = stack.platform.requests.filter(
      (r) => r.path.endsWith('/roles') && r.status === 200
    ).length

    assert.ok(refused > 0, 'the storm happened')
    assert.ok(
      refused < served / 2,
      `${refused} refusals for ${served} role reads: the fan-out slowed down`
    )
  })

  it('a storm that never ends on one key leaves the read explicitly partial, naming it', async () => {
    const victim = fixture.appKeys.find(
      (k) => (fixture.roleAssignments[k.id] ?? []).length > 0
    )!

    stack.platform.faults.set([
      { path: `/users/${victim.id}/roles$`, status: 429, retryAfter: 1 },
    ])
    const inv = (
      await gql(
        stack,
        OWNER,
        '{ inventory(live: true) { complete missing keys { id rolesKnown } } }'
      )
    ).body.data.inventory

    assert.equal(inv.complete, false)
    assert.equal(
      inv.keys.find((k: { id: string }) => k.id === victim.id).rolesKnown,
      false
    )
    assert.match(inv.missing.join(' '), /HTTP 429 after 4 attempts/)
  })

  it('reports its progress while it runs, including VTEX asking it to wait', async () => {
    stack.platform.faults.set([
      { path: '/roles$', status: 429, retryAfter: 1, maxInFlight: 2 },
      { path: '/roles$', latencyMs: 20 },
    ])
    const pending = gql(stack, OWNER, '{ inventory(live: true) { complete } }')
    const seen = await until('progress with a wait', async () => {
      const s = (
        await gql(
          stack,
          OWNER,
          '{ inventoryStatus { reading progress { phase done total rateLimited waitingSeconds concurrency maxConcurrency } } }'
        )
      ).body.data?.inventoryStatus

      return (
        s?.reading &&
        s.progress?.phase === 'ROLES' &&
        s.progress.rateLimited > 0 &&
        s.progress
      )
    })

    assert.ok(seen.total > 0 && seen.done <= seen.total)
    assert.ok(
      seen.concurrency < seen.maxConcurrency,
      `${seen.concurrency} of ${seen.maxConcurrency} at once`
    )
    // The request answers when the read ends, or says it is still reading (the page keeps polling).
    const answer = await pending

    assert.ok(
      answer.body.data?.inventory?.complete === true ||
        errorCode(answer) === 'READING',
      answer.text.slice(0, 300)
    )
    await until(
      'the read to end',
      async () =>
        !(
          await gql(stack, OWNER, '{ inventoryStatus { reading } }')
        ).body.data.inventoryStatus.reading,
      60_000
    )
  })
})

// attack10 through the stack: damaged stored documents the ninth session's sanitizing let through
// (a role id GraphQL cannot carry, a sign-off time at the last day a Date holds), and the key list
// kept per evaluation checked against an ordering worked out here after each kind of write.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { readManifest } from '../stack'
import { gql, useStack } from './helpers'

const ANA = 'session-ana-owner'
const stack = useStack({ fixture: DEFAULT_FIXTURE })
const m = readManifest()
const APP = `${m.vendor}.${m.name}`

function plant(bucket: string, path: string, value: unknown) {
  stack.platform.state.vbase.set(`master/${APP}/${bucket}/${path}`, {
    body: Buffer.from(JSON.stringify(value)),
    contentType: 'application/json',
    etag: stack.platform.state.nextEtag(),
  })
}

describe('damaged stored settings', () => {
  it('answers the settings (and the Overview) when a stored role id is one GraphQL cannot carry', async () => {
    for (const id of [3_000_000_000, 1e300, -7, 0]) {
      plant('settings', 'settings.json', {
        rotationDays: 180,
        keyManagingRoleIds: [957, id],
      })
      const r = await gql(
        stack,
        ANA,
        '{ settings { rotationDays keyManagingRoleIds version } hygiene { score } }'
      )

      assert.equal(r.body.errors, undefined, `${id}: ${r.text}`)
      assert.equal(r.body.data.settings.rotationDays, 180)
      assert.deepEqual(r.body.data.settings.keyManagingRoleIds, [])
    }
  })
})

describe('a token in a stored settings list', () => {
  // shaped as VTEX's tokens are, but none of the fixture's: the storage left behind is checked too
  const token =
    'QWERTYUIOPASDFGHJKLZXCVBNMQWERTYUIOPASDFGHJKLZXCVBNMQWERTYUIOPAS'

  it('is never answered back: the list takes its default', async () => {
    for (const field of ['extraGenericLabels', 'scanExtraPaths'])
      for (const entry of [token, `/p?t=${token}`, token.slice(0, 40)]) {
        plant('settings', 'settings.json', {
          rotationDays: 180,
          [field]: ['ERP', entry],
        })
        const r = await gql(
          stack,
          ANA,
          `{ settings { rotationDays ${field} } }`
        )

        assert.equal(r.body.errors, undefined, r.text)
        assert.equal(r.body.data.settings.rotationDays, 180)
        assert.deepEqual(r.body.data.settings[field], [], `${field}: ${r.text}`)
        assert.ok(!r.text.includes(token.slice(0, 32)), r.text)
      }
  })
})

describe('a review index signed at the last day a Date holds', () => {
  it('answers the Overview with no next due date instead of failing it', async () => {
    plant('reviews', 'reviews.json', {
      openId: null,
      completed: [
        {
          id: '2026-11-01-aaaa0001',
          startedAt: '2026-11-01T10:00:00.000Z',
          completedAt: '+275760-09-13T00:00:00.000Z',
          signedBy: 'bruno@acme.com',
          keys: 3,
          changesAsked: 0,
        },
      ],
    })
    const r = await gql(
      stack,
      ANA,
      '{ hygiene { score nextReviewDue lastReviewCompletedAt overdue } }'
    )

    assert.equal(r.body.errors, undefined, r.text)
    assert.equal(r.body.data.hygiene.nextReviewDue, null)
    assert.equal(
      r.body.data.hygiene.lastReviewCompletedAt,
      '+275760-09-13T00:00:00.000Z'
    )
  })
})

interface Row {
  id: string
  appKey: string
  label: string
  createdAt: string
  ageDays: number
  isActive: boolean
  external: boolean
  findings: Array<{ severity: string; rule: string }>
}

const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
const worst = (k: Row) =>
  Math.min(
    SEVERITIES.length,
    ...k.findings.map((f) => SEVERITIES.indexOf(f.severity))
  )

/** The key list's order as the page documents it, worked out here from every row. */
function reference(rows: Row[], sort: string, descending: boolean): string[] {
  const dir = descending ? -1 : 1
  const by: Record<string, (a: Row, b: Row) => number> = {
    label: (a, b) => collator.compare(a.label, b.label),
    createdAt: (a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
    ageDays: (a, b) => a.ageDays - b.ageDays,
    severity: (a, b) => worst(a) - worst(b) || b.ageDays - a.ageDays,
  }

  return [...rows]
    .sort(
      (a, b) =>
        dir * by[sort](a, b) ||
        collator.compare(a.label, b.label) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
    )
    .map((k) => k.id)
}

const ROW =
  'id appKey label createdAt ageDays isActive external findings { severity rule }'

async function everyRow(): Promise<Row[]> {
  const r = await gql(
    stack,
    ANA,
    `{ keyList(pageSize: 500, sort: "label") { total rows { ${ROW} } } }`
  )

  assert.equal(r.body.errors, undefined, r.text)

  return r.body.data.keyList.rows
}

async function listed(args: string): Promise<string[]> {
  const ids: string[] = []

  for (let page = 1; ; page++) {
    const r = await gql(
      stack,
      ANA,
      `{ keyList(page: ${page}, pageSize: 7, ${args}) { page pages rows { id } } }`
    )

    assert.equal(r.body.errors, undefined, r.text)
    const p = r.body.data.keyList

    // paging past the end answers the last page (and says so): stop there
    if (p.page < page) break
    ids.push(...p.rows.map((k: { id: string }) => k.id))
    if (p.page >= p.pages) break
  }

  return ids
}

async function checkEveryOrder(when: string) {
  const rows = await everyRow()
  const rule = rows.flatMap((k) => k.findings.map((f) => f.rule))[0]

  for (const sort of ['label', 'createdAt', 'ageDays', 'severity'])
    for (const descending of [false, true]) {
      const args = `sort: "${sort}", descending: ${descending}`

      assert.deepEqual(
        await listed(args),
        reference(rows, sort, descending),
        `${when}: ${args}`
      )
      const active = rows.filter((k) => k.isActive)

      assert.deepEqual(
        await listed(`${args}, status: "active"`),
        reference(active, sort, descending),
        `${when}: ${args}, active`
      )
      const ruled = rows.filter((k) => k.findings.some((f) => f.rule === rule))

      assert.deepEqual(
        await listed(`${args}, rule: "${rule}", search: ""`),
        reference(ruled, sort, descending),
        `${when}: ${args}, rule ${rule}`
      )
    }
}

describe('the key list kept per evaluation', () => {
  it('lists every sort and filter as a fresh ordering does, before and right after writes', async () => {
    await checkEveryOrder('first visit')
    const first = (await everyRow()).find((k) => !k.external)!
    // an annotation (a new document: a new evaluation) that changes the key's findings
    const annotated = await gql(
      stack,
      ANA,
      `mutation { annotateKey(keyId: "${first.id}", annotation: { owner: "ana@acme.com", purpose: "ERP sync" }) { owner } }`
    )

    assert.equal(annotated.body.errors, undefined, annotated.text)
    await checkEveryOrder('after an annotation')
    // settings that change findings (rotation) and their order by severity
    const saved = await gql(
      stack,
      ANA,
      'mutation { updateSettings(settings: { rotationDays: 30 }) { rotationDays } }'
    )

    assert.equal(saved.body.errors, undefined, saved.text)
    await checkEveryOrder('after settings')
    // a key action (patched into the copy) and an external key registered
    const active = (await everyRow()).find((k) => !k.external && k.isActive)!
    const deactivated = await gql(
      stack,
      ANA,
      'mutation($k: ID!, $c: String!) { deactivateKey(keyId: $k, confirm: $c) { key { isActive } } }',
      { k: active.id, c: active.appKey }
    )

    assert.equal(deactivated.body.errors, undefined, deactivated.text)
    await checkEveryOrder('after a key action')
    const ORBITA = 'vtexappkey-agenciaorbita-MXLCXX'
    const removed = await gql(
      stack,
      ANA,
      `mutation { removeExternalKey(appKey: "${ORBITA}") }`
    )

    assert.equal(removed.body.data?.removeExternalKey, true, removed.text)
    assert.ok(!(await everyRow()).some((k) => k.id === ORBITA))
    await checkEveryOrder('after an external key removed')
    const registered = await gql(
      stack,
      ANA,
      `mutation { registerExternalKey(appKey: "${ORBITA}", account: "AgenciaOrbita") { appKey } }`
    )

    assert.equal(registered.body.errors, undefined, registered.text)
    assert.ok((await everyRow()).some((k) => k.id === ORBITA))
    await checkEveryOrder('after an external key registered')
    // a live read (Load live data) lists in the same order as the copy it leaves
    for (const descending of [false, true]) {
      const live = await gql(
        stack,
        ANA,
        `{ keyList(pageSize: 500, sort: "severity", descending: ${descending}, live: true) { rows { id } } }`
      )

      assert.equal(live.body.errors, undefined, live.text)
      assert.deepEqual(
        live.body.data.keyList.rows.map((k: { id: string }) => k.id),
        reference(await everyRow(), 'severity', descending)
      )
    }

    await checkEveryOrder('after a live read')
  })
})

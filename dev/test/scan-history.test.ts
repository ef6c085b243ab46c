// What changed stays honest across partial and repeated scans: a scan that could not read a key's
// roles does not hide a grant made meanwhile (the next complete scan compares with the last roles
// known), says which subjects it could not compare, and a replayed scheduler call changes nothing.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import { gql, loadJson, useStack } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ANA = 'session-ana-owner'
const CHANGES =
  '{ changes { from to rolesAdded { subjectId role } rolesNotCompared { subjectType subjectId label } } }'

const stack = useStack({ fixture: DEFAULT_FIXTURE }, { resetEach: false })
const advance = async (days: number) =>
  (
    await fetch(`${stack.platform.url}/_platform/clock`, {
      method: 'POST',
      body: JSON.stringify({ days }),
    })
  ).json() as Promise<{ fired: Array<{ status: number }> }>

describe('what changed across a partial scan', () => {
  const key = fixture.appKeys.find(
    (k) => k.isActive && !(fixture.roleAssignments[k.id] ?? []).includes(1)
  )!

  it('a grant made while a scan could not read the key’s roles shows up once they are read again', async () => {
    await gql(stack, ANA, '{ reminders { id } }')
    assert.deepEqual(
      (await advance(1)).fired.map((f) => f.status),
      [200]
    )
    // Owner is granted to the key, and the next scan cannot read that key's roles.
    stack.platform.state.fixture.roleAssignments[key.id] = [
      ...(stack.platform.state.fixture.roleAssignments[key.id] ?? []),
      1,
    ]
    stack.platform.faults.set([
      { path: `/users/${key.id}/roles$`, status: 503 },
    ])
    await advance(1)
    stack.platform.faults.set([])
    const partial = (await gql(stack, ANA, CHANGES)).body.data.changes

    assert.deepEqual(
      partial.rolesAdded.filter(
        (r: { subjectId: string }) => r.subjectId === key.id
      ),
      []
    )
    assert.ok(
      partial.rolesNotCompared.some(
        (s: { subjectId: string }) => s.subjectId === key.id
      ),
      'the partial scan says it could not compare the key'
    )
    await advance(1)
    const complete = (await gql(stack, ANA, CHANGES)).body.data.changes

    assert.deepEqual(
      complete.rolesAdded.filter(
        (r: { subjectId: string }) => r.subjectId === key.id
      ),
      [{ subjectId: key.id, role: 'Owner (Admin Super)' }]
    )
  })

  it('a replayed scheduler call for a run already done changes nothing', async () => {
    const before = (await gql(stack, ANA, CHANGES)).body.data.changes
    const { fired } = (await (
      await fetch(`${stack.platform.url}/_platform/scheduler/run`, {
        method: 'POST',
      })
    ).json()) as { fired: Array<{ status: number }> }

    assert.deepEqual(
      fired.map((f) => f.status),
      [200]
    )
    assert.deepEqual((await gql(stack, ANA, CHANGES)).body.data.changes, before)
  })

  it('two deliveries of the same run at once: one runs, the other changes nothing', async () => {
    stack.platform.requests.length = 0
    const [clock, again] = await Promise.all([
      advance(1),
      new Promise((r) => setTimeout(r, 50)).then(() =>
        fetch(`${stack.platform.url}/_platform/scheduler/run`, {
          method: 'POST',
        }).then(
          (r) => r.json() as Promise<{ fired: Array<{ status: number }> }>
        )
      ),
    ])

    assert.deepEqual(
      [...clock.fired, ...again.fired].map((f) => f.status),
      [200, 200]
    )
    assert.equal(
      stack.platform.requests.filter((r) => r.path === '/api/vlm/appkeys')
        .length,
      1,
      'the account was read once'
    )
    const status = (
      await gql(
        stack,
        ANA,
        '{ schedule { healthy lastRun { storefront { state problem } } } }'
      )
    ).body.data.schedule

    assert.notEqual(status.lastRun.storefront.state, 'FAILED')
  })
})

// A token an admin pasted into a key's label, a role's name or a user's name in VTEX: Key Steward
// reads them redacted, so the token is not in the key list, findings, the review, its export,
// the users page, logs or stored copies (useStack's after-hook searches every response, log line
// and VBase document for it).
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import { gql, loadJson, useStack } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const [first, second, third] = fixture.appKeys
const pasted = second.token
// a role some key holds, and a user, each named with the token (in base64 for the user)
const held = new Set(Object.values(fixture.roleAssignments).flat())
const role = fixture.roles.find((r) => !r.isAdmin && held.has(r.id))!
const user = fixture.users[1]
const labelled: Fixture = {
  ...fixture,
  roles: fixture.roles.map((r) =>
    r === role ? { ...r, name: `Custom: ${pasted}` } : r
  ),
  users: fixture.users.map((u) =>
    u === user
      ? { ...u, name: `Bia ${Buffer.from(pasted).toString('base64')}` }
      : u
  ),
  appKeys: fixture.appKeys.map((k) =>
    k === first
      ? { ...k, label: `ERP orders: ${pasted}` }
      : k === third
      ? { ...k, label: Buffer.from(pasted).toString('base64') }
      : k
  ),
}

const OWNER = 'session-ana-owner'
const stack = useStack({ fixture: labelled })

describe('a token pasted into a key label in VTEX', () => {
  it('is redacted wherever the label is shown, exported or stored', async () => {
    const list = await gql(
      stack,
      OWNER,
      '{ keyList(pageSize: 500) { rows { id label } } }'
    )

    assert.equal(list.body.errors, undefined, list.text.slice(0, 300))
    const label = (id: string) =>
      list.body.data.keyList.rows.find((r: { id: string }) => r.id === id)
        ?.label

    assert.equal(
      label(first.id),
      `ERP orders: ${pasted.slice(0, 4)}…[128 characters redacted]`
    )
    assert.match(label(third.id), /…\[\d+ characters redacted\]$/)

    const findings = await gql(stack, OWNER, '{ findings { rule message } }')

    assert.equal(findings.body.errors, undefined, findings.text.slice(0, 300))
    const started = await gql(stack, OWNER, 'mutation { startReview { id } }')
    const id = started.body.data.startReview.id
    const decisions = await gql(
      stack,
      OWNER,
      '{ reviewDecisions(limit: 100) { keys { id label } } }'
    )

    assert.equal(decisions.body.errors, undefined, decisions.text.slice(0, 300))
    for (const format of ['CSV', 'JSON'])
      assert.equal(
        (
          await gql(
            stack,
            OWNER,
            `{ reviewExport(id: "${id}", format: ${format}) { content } }`
          )
        ).body.errors,
        undefined
      )
    for (const r of [list, findings, decisions])
      assert.ok(!r.text.includes(pasted.slice(40, 72)))
  })

  it("is redacted in a role's name and a user's name", async () => {
    const r = await gql(
      stack,
      OWNER,
      '{ keyList(pageSize: 500) { roles { id name } } userList(pageSize: 500) { rows { id name } } }'
    )

    assert.equal(r.body.errors, undefined, r.text.slice(0, 300))
    assert.equal(
      r.body.data.keyList.roles.find((x: { id: number }) => x.id === role.id)
        ?.name,
      `Custom: ${pasted.slice(0, 4)}…[128 characters redacted]`
    )
    assert.match(
      r.body.data.userList.rows.find((x: { id: string }) => x.id === user.id)
        ?.name,
      /^Bia .{4}…\[\d+ characters redacted\]$/
    )
    assert.ok(!r.text.includes(pasted.slice(40, 72)))
  })
})

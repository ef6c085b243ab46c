// VTEX's 2025 admin-user resources (View Admin Users, Edit Admin Users) replace Get paged
// users / Find user by email / Get paged roles and Save user: an admin holding only the newer
// ones uses Key Steward like one holding the legacy ones, through the whole stack.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { errorCode, gql, useStack } from './helpers'

const NEWER = 'session-helena-newresources' // View Admin Users + Edit Admin Users, nothing legacy
const NEITHER = 'session-diego-callcenter' // no admin-user resource at all
const READS_ONLY = 'session-carla-readonly' // the legacy reads, neither Save user nor Edit Admin Users
const OWNER = 'session-ana-owner'
const UPDATE =
  'mutation($s: SettingsInput!) { updateSettings(settings: $s) { rotationDays } }'

const CHANGES = '{ changes { from to } }'

const stack = useStack({ fixture: DEFAULT_FIXTURE })

/** The resources License Manager's access check was asked about since `from`, in order. */
const accessChecks = (from: number) =>
  stack.platform.requests
    .slice(from)
    .map(
      (r) =>
        /^\/api\/license-manager\/resources\/([^/]+)\/access$/.exec(r.path)?.[1]
    )
    .filter(Boolean)

describe('an admin holding only the newer resources', () => {
  it('reads the inventory', async () => {
    const r = await gql(
      stack,
      NEWER,
      '{ inventory { complete keys { id } users { email } } }'
    )

    assert.equal(r.body.errors, undefined, r.text)
    assert.equal(r.body.data.inventory.complete, true)
    assert.ok(r.body.data.inventory.keys.length > 0)
  })

  it('reads and saves the settings', async () => {
    assert.equal(
      (await gql(stack, NEWER, '{ settings { rotationDays } }')).body.data
        .settings.rotationDays,
      90
    )
    const r = await gql(stack, NEWER, UPDATE, { s: { rotationDays: 120 } })

    assert.equal(r.body.errors, undefined, r.text)
    assert.equal(
      (await gql(stack, OWNER, '{ settings { rotationDays } }')).body.data
        .settings.rotationDays,
      120
    )
  })

  it('reads what the daily scan saw change (gated on the read resources)', async () => {
    const r = await gql(stack, NEWER, CHANGES)

    assert.equal(r.body.errors, undefined, r.text)
  })

  // A session's "yes" is remembered for 30 s (services/sessionAccess.ts): these tests sign in
  // again (a new session of the same user) so License Manager is asked afresh.
  const signInAgain = (cookie: string, as: string) => {
    stack.fixture.sessions[as] = stack.fixture.sessions[cookie]

    return as
  }

  it('is asked the legacy resource first, then the newer one; a holder of the legacy one is asked nothing more', async () => {
    const newer = signInAgain(NEWER, 'session-helena-again-1')
    const owner = signInAgain(OWNER, 'session-ana-again-1')
    let from = stack.platform.requests.length

    await gql(stack, newer, '{ settings { rotationDays } }')
    assert.deepEqual(accessChecks(from), ['Save_User', 'EditAdminUsers'])
    from = stack.platform.requests.length
    await gql(stack, owner, '{ settings { rotationDays } }')
    assert.deepEqual(accessChecks(from), ['Save_User'])
  })

  it('is refused, not let through, when License Manager cannot answer for the newer resource', async () => {
    stack.platform.faults.set([
      { path: '/resources/EditAdminUsers/access$', status: 503 },
    ])
    const r = await gql(
      stack,
      signInAgain(NEWER, 'session-helena-again-2'),
      UPDATE,
      {
        s: { rotationDays: 150 },
      }
    )

    assert.equal(errorCode(r), 'UPSTREAM_UNAVAILABLE')
    stack.platform.faults.set([])
    assert.equal(
      (await gql(stack, OWNER, '{ settings { rotationDays } }')).body.data
        .settings.rotationDays,
      90
    )
  })
})

describe('an admin holding neither', () => {
  it('is refused the inventory, naming each legacy resource and its newer equivalent', async () => {
    const r = await gql(stack, NEITHER, '{ inventory { complete } }')

    assert.equal(errorCode(r), 'FORBIDDEN')
    const { message, extensions } = r.body.errors![0]

    assert.deepEqual(extensions!.missingResources, [
      'Find user by email',
      'Get paged roles',
      'Get paged users',
      'Save user',
    ])
    assert.deepEqual(extensions!.acceptedResources, [
      ['Find user by email', 'View Admin Users'],
      ['Get paged roles', 'View Admin Users'],
      ['Get paged users', 'View Admin Users'],
      ['Save user', 'Edit Admin Users'],
    ])
    assert.match(
      message,
      /“Save user” \(or its newer equivalent “Edit Admin Users”\)/
    )
    assert.match(
      message,
      /“Get paged users” \(or its newer equivalent “View Admin Users”\)/
    )
  })

  it('is refused saving the settings, naming Save user and Edit Admin Users, and nothing is saved', async () => {
    const r = await gql(stack, READS_ONLY, UPDATE, { s: { rotationDays: 180 } })

    assert.equal(errorCode(r), 'FORBIDDEN')
    assert.deepEqual(r.body.errors![0].extensions!.acceptedResources, [
      ['Save user', 'Edit Admin Users'],
    ])
    assert.match(
      r.body.errors![0].message,
      /“Save user” \(or its newer equivalent “Edit Admin Users”\)/
    )
    assert.equal(
      (await gql(stack, OWNER, '{ settings { rotationDays } }')).body.data
        .settings.rotationDays,
      90
    )
  })

  it('is refused what the daily scan saw change, naming all four read resources', async () => {
    const r = await gql(stack, NEITHER, CHANGES)

    assert.equal(errorCode(r), 'FORBIDDEN')
    assert.deepEqual(r.body.errors![0].extensions!.missingResources, [
      'Find user by email',
      'Get paged roles',
      'Get paged users',
      'Save user',
    ])
    assert.match(
      r.body.errors![0].message,
      /“Find user by email” \(or its newer equivalent “View Admin Users”\)/
    )
  })
})

// Registering and removing keys of other accounts through GraphQL, on the default fixture (which
// has three registered): what is listed afterwards, what the audit log records, that bad input
// changes nothing (not the registry, not the log) and never echoes a pasted token, and what each
// fixture session may do.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { FIELD_ACCESS } from '../../node/resolvers/access'
import type { Fixture } from '../platform/fixture'
import { holdsAny } from '../platform/principals'
import { DEFAULT_FIXTURE } from '../paths'
import type { GqlResult } from './helpers'
import { errorCode, gql, loadJson, useStack, vbaseTexts } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ANA = 'session-ana-owner'
const BRUNO = 'session-bruno-security'
const ORBITA = fixture.externalKeys.find((e) => e.account === 'agenciaorbita')!
const OUTLET = fixture.externalKeys.find((e) => e.account === 'acmeoutlet')!
const TOKEN = fixture.appKeys[0].token

const REGISTER =
  'mutation($a: String!, $c: String!) { registerExternalKey(appKey: $a, account: $c) { appKey account addedDate addedBy rolesKnown roles { id name isAdmin } findings { rule severity subjectType message } } }'

const REMOVE = 'mutation($a: String!) { removeExternalKey(appKey: $a) }'
const LIST =
  '{ inventory { externalKeys { appKey account addedBy rolesKnown roles { name } findings { rule severity } } } }'

const AUDIT =
  'query($k: ID!) { keyAudit(keyId: $k) { action by appKey label before after vtexCall outcome } }'

const stack = useStack({ fixture: DEFAULT_FIXTURE })

/** What the app keeps about external keys and its audit log, as stored. */
const stored = () =>
  vbaseTexts(stack)
    .filter((t) => /externalKeys|audit/.test(t.split('\n')[0]))
    .sort()

const listed = async (cookie = ANA) =>
  (await gql(stack, cookie, LIST)).body.data.inventory.externalKeys as Array<{
    appKey: string
    account: string
    addedBy: string | null
    roles: Array<{ name: string }>
    findings: Array<{ rule: string; severity: string }>
  }>

const reasons = (r: GqlResult) =>
  (
    (r.body.errors?.[0]?.extensions?.fields ?? []) as Array<{
      field: string
      reason: string
    }>
  )
    .map((f) => `${f.field}:${f.reason}`)
    .sort()

const roleNames = (appKey: string) =>
  (fixture.roleAssignments[appKey] ?? [])
    .map((id) => fixture.roles.find((r) => r.id === id)!.name)
    .sort()

describe('registering an external key', () => {
  it('lists it with the roles VTEX shows and its findings, and audits who did it', async () => {
    assert.equal(
      (await gql(stack, ANA, REMOVE, { a: ORBITA.appKey })).body.data
        .removeExternalKey,
      true
    )
    assert.ok(!(await listed()).some((e) => e.appKey === ORBITA.appKey))

    const r = await gql(stack, BRUNO, REGISTER, {
      a: ` ${ORBITA.appKey} `,
      c: 'AgenciaOrbita',
    })

    assert.equal(r.body.errors, undefined, r.text)
    const key = r.body.data.registerExternalKey

    assert.equal(key.appKey, ORBITA.appKey)
    assert.equal(key.account, 'agenciaorbita')
    assert.equal(key.addedBy, 'bruno@acme.com')
    assert.equal(key.addedDate, new Date(fixture.now).toISOString())
    assert.deepEqual(
      key.roles.map((x: { name: string }) => x.name).sort(),
      roleNames(ORBITA.appKey)
    )
    assert.ok(
      key.roles.some((x: { isAdmin: boolean }) => x.isAdmin),
      'roles come from the catalogue (Owner is an admin role)'
    )
    assert.deepEqual(
      key.findings.map(
        (f: { rule: string; severity: string; subjectType: string }) =>
          `${f.rule}|${f.severity}|${f.subjectType}`
      ),
      ['external-broad-access|HIGH|EXTERNAL_KEY']
    )

    const now = (await listed()).find((e) => e.appKey === ORBITA.appKey)

    assert.deepEqual(now?.findings, [
      { rule: 'external-broad-access', severity: 'HIGH' },
    ])
    assert.equal(now?.addedBy, 'bruno@acme.com')

    const audit = (await gql(stack, ANA, AUDIT, { k: ORBITA.appKey })).body.data
      .keyAudit

    assert.deepEqual(
      audit.map(
        (a: { action: string; by: string }) => `${a.action} by ${a.by}`
      ),
      [
        'REGISTER_EXTERNAL_KEY by bruno@acme.com',
        'REMOVE_EXTERNAL_KEY by ana@acme.com',
      ]
    )
    assert.equal(audit[0].label, 'agenciaorbita')
    assert.match(audit[0].after, /registered; holds Owner \(Admin Super\)/)
    assert.equal(
      audit[0].vtexCall,
      'GET /api/license-manager/users/{userId}/roles'
    )
    assert.match(audit[1].before, /registered since 2025-10-12/)
    assert.match(audit[1].after, /still holds Owner \(Admin Super\) in VTEX/)
  })

  it('lets two admins register two keys at the same time: both land', async () => {
    await gql(stack, ANA, REMOVE, { a: ORBITA.appKey })
    await gql(stack, ANA, REMOVE, { a: OUTLET.appKey })
    const [a, b] = await Promise.all([
      gql(stack, ANA, REGISTER, { a: ORBITA.appKey, c: ORBITA.account }),
      gql(stack, BRUNO, REGISTER, { a: OUTLET.appKey, c: OUTLET.account }),
    ])

    assert.equal(a.body.errors, undefined, a.text)
    assert.equal(b.body.errors, undefined, b.text)
    assert.deepEqual(
      (await listed()).map((e) => e.appKey).sort(),
      fixture.externalKeys.map((e) => e.appKey).sort()
    )
  })

  const bad: Array<[string, { a: string; c: string }, string, string[]]> = [
    [
      'a malformed appKey',
      { a: 'vtexappkey-partner-ABC', c: 'partner' },
      'BAD_USER_INPUT',
      ['appKey:APPKEY_FORMAT'],
    ],
    [
      'a key id instead of the appKey',
      { a: fixture.appKeys[0].id, c: 'partner' },
      'BAD_USER_INPUT',
      ['appKey:APPKEY_FORMAT'],
    ],
    [
      'a key of this account',
      { a: fixture.appKeys[0].appKey, c: fixture.account },
      'BAD_USER_INPUT',
      ['account:OWN_ACCOUNT'],
    ],
    [
      'another account than the appKey names',
      { a: ORBITA.appKey, c: 'marketplacehub' },
      'BAD_USER_INPUT',
      ['account:ACCOUNT_MISMATCH'],
    ],
    [
      'an invalid account',
      { a: 'vtexappkey-partner-ABCDEF', c: 'partner.com.br' },
      'BAD_USER_INPUT',
      ['account:ACCOUNT_FORMAT'],
    ],
    [
      'a pasted token',
      { a: TOKEN, c: 'partner' },
      'BAD_USER_INPUT',
      ['appKey:TOKEN_PASTED'],
    ],
    [
      'the appKey and its token pasted together',
      { a: `${ORBITA.appKey} ${TOKEN}`, c: ORBITA.account },
      'BAD_USER_INPUT',
      ['appKey:TOKEN_PASTED'],
    ],
    [
      'a token as the account',
      { a: ORBITA.appKey, c: TOKEN },
      'BAD_USER_INPUT',
      ['account:TOKEN_PASTED'],
    ],
    [
      'a key already registered',
      { a: ORBITA.appKey, c: ORBITA.account },
      'CONFLICT',
      ['appKey:ALREADY_REGISTERED'],
    ],
    [
      'a key VTEX shows no roles for here (a typo)',
      { a: 'vtexappkey-agenciaorbita-MXLCXY', c: 'agenciaorbita' },
      'BAD_USER_INPUT',
      ['appKey:NO_ROLES_HERE'],
    ],
  ]

  for (const [name, input, code, why] of bad) {
    it(`refuses ${name}, says why, and changes nothing`, async () => {
      const before = stored()
      const r = await gql(stack, ANA, REGISTER, input)

      assert.equal(errorCode(r), code, r.text)
      assert.deepEqual(reasons(r), why)
      assert.match(r.body.errors![0].message, /.{20}/)
      assert.ok(
        !r.text.includes(TOKEN.slice(0, 32)),
        'the token is never echoed'
      )
      assert.deepEqual(stored(), before)
    })
  }
})

describe('removing an external key', () => {
  it('forgets it: no longer listed nor judged', async () => {
    const before = (
      await gql(
        stack,
        ANA,
        '{ hygiene { counts { high } } findings(rule: "external-broad-access") { subjectId } }'
      )
    ).body.data

    assert.ok(
      before.findings.some(
        (f: { subjectId: string }) => f.subjectId === ORBITA.appKey
      )
    )
    assert.equal(
      (await gql(stack, ANA, REMOVE, { a: ORBITA.appKey })).body.data
        .removeExternalKey,
      true
    )
    assert.ok(!(await listed()).some((e) => e.appKey === ORBITA.appKey))
    const after = (
      await gql(
        stack,
        ANA,
        '{ hygiene { counts { high } } findings(rule: "external-broad-access") { subjectId } }'
      )
    ).body.data

    assert.ok(
      !after.findings.some(
        (f: { subjectId: string }) => f.subjectId === ORBITA.appKey
      )
    )
    assert.equal(after.hygiene.counts.high, before.hygiene.counts.high - 1)
  })

  for (const [name, appKey, code, why] of [
    [
      'a key that is not registered',
      'vtexappkey-partner-ABCDEF',
      'NOT_FOUND',
      ['appKey:NOT_REGISTERED'],
    ],
    [
      'a malformed appKey',
      'partner',
      'BAD_USER_INPUT',
      ['appKey:APPKEY_FORMAT'],
    ],
    ['a pasted token', TOKEN, 'BAD_USER_INPUT', ['appKey:TOKEN_PASTED']],
  ] as Array<[string, string, string, string[]]>) {
    it(`refuses ${name} and changes nothing`, async () => {
      const before = stored()
      const r = await gql(stack, ANA, REMOVE, { a: appKey })

      assert.equal(errorCode(r), code, r.text)
      assert.deepEqual(reasons(r), why)
      assert.ok(!r.text.includes(TOKEN.slice(0, 32)))
      assert.deepEqual(stored(), before)
    })
  }
})

describe('who may register and remove', () => {
  const lacks = (
    cookie: string,
    field: 'registerExternalKey' | 'removeExternalKey'
  ) => {
    const access = FIELD_ACCESS.Mutation[field]
    const user = fixture.users.find(
      (u) => u.email === fixture.sessions[cookie]
    )!

    return (
      'requires' in access &&
      access.requires.some(
        (r) =>
          !holdsAny(
            stack.platform.state,
            { kind: 'user', user },
            r.map((x) => x.name)
          )
      )
    )
  }

  for (const cookie of Object.keys(fixture.sessions)) {
    it(`${fixture.sessions[cookie]}: allowed exactly as resolvers/access.ts declares; a refusal changes nothing`, async () => {
      const before = stored()
      const removal = await gql(stack, cookie, REMOVE, { a: OUTLET.appKey })

      if (lacks(cookie, 'removeExternalKey')) {
        assert.equal(errorCode(removal), 'FORBIDDEN', removal.text)
        assert.deepEqual(stored(), before)
      } else {
        assert.equal(removal.body.data?.removeExternalKey, true, removal.text)
      }

      stack.platform.resetAppStorage()
      await gql(stack, ANA, REMOVE, { a: OUTLET.appKey })
      const without = stored()
      const registration = await gql(stack, cookie, REGISTER, {
        a: OUTLET.appKey,
        c: OUTLET.account,
      })

      if (lacks(cookie, 'registerExternalKey')) {
        assert.equal(errorCode(registration), 'FORBIDDEN', registration.text)
        assert.deepEqual(stored(), without)
      } else {
        assert.equal(registration.body.errors, undefined, registration.text)
        assert.equal(
          registration.body.data.registerExternalKey.addedBy,
          fixture.sessions[cookie]
        )
      }
    })
  }

  it('a request without a session is refused', async () => {
    assert.equal(
      errorCode(
        await gql(stack, null, REGISTER, {
          a: 'vtexappkey-partner-ABCDEF',
          c: 'partner',
        })
      ),
      'UNAUTHENTICATED'
    )
    assert.equal(
      errorCode(await gql(stack, null, REMOVE, { a: OUTLET.appKey })),
      'UNAUTHENTICATED'
    )
  })
})

// The platform enforces the manifest for every call the app makes (its own token, or an admin's
// through IO's egress). Each case removes one policy from a copy of manifest.json and expects the
// feature that needs it to fail *visibly*: in the Daily scan status the Admin shows, in the
// reminder banner, as a URL the exposure scan reports unread, or as a GraphQL error — never only
// as a log line. Every policy the manifest declares must have a case here.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import type { Manifest, Stack } from '../stack'
import { readManifest, startStack } from '../stack'
import { DEFAULT_FIXTURE } from '../paths'
import { assertNoTokens, errorCode, gql, loadJson, seen } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ANA = 'session-ana-owner'
const STATUS = `{ schedule { registered healthy registration { state problem detail }
  lastRun { inventory { state problem detail } storefront { state problem detail unreadUrls limitReached } email { state problem detail } } } }`

type Policy = NonNullable<Manifest['policies']>[number]
const idOf = (p: Policy) =>
  p.name === 'outbound-access'
    ? `outbound-access ${p.attrs!.host}${p.attrs!.path ?? ''}`
    : p.name

function without(id: string): Manifest {
  const m = readManifest()
  const before = m.policies!.length

  m.policies = m.policies!.filter((p) => idOf(p) !== id)
  assert.equal(m.policies.length, before - 1, `${id} is in manifest.json`)

  return m
}

async function withStack(
  manifest: Manifest,
  fn: (s: Stack) => Promise<void>,
  stackFixture: Fixture | string = DEFAULT_FIXTURE
): Promise<void> {
  const stack = await startStack({ fixture: stackFixture, manifest })

  try {
    await fn(stack)
  } finally {
    await stack.stop()
    assertNoTokens(fixture, stack.logs, 'service log line')
  }
}

/** Opens Key Steward (registers the scan), optionally sets e-mail recipients, and runs the scan once. */
async function openAndScan(stack: Stack, emails = false) {
  await gql(stack, ANA, '{ reminders { id } }')
  if (emails)
    assert.equal(
      (
        await gql(
          stack,
          ANA,
          'mutation { updateSettings(settings: { reminderEmails: ["sec@acme.com"] }) { reminderEmails } }'
        )
      ).body.errors,
      undefined
    )
  await fetch(`${stack.platform.url}/_platform/clock`, {
    method: 'POST',
    body: JSON.stringify({ days: 1 }),
  })

  return (await gql(stack, ANA, STATUS)).body.data.schedule
}

const scanInventoryFails = (resource: RegExp) => async (stack: Stack) => {
  const status = await openAndScan(stack)

  assert.deepEqual(
    [status.lastRun.inventory.state, status.lastRun.inventory.problem],
    ['FAILED', 'APP_FORBIDDEN']
  )
  assert.match(status.lastRun.inventory.detail, resource)
  assert.equal(status.healthy, false)
  assert.ok(
    (await gql(stack, ANA, '{ reminders { kind } }')).body.data.reminders.some(
      (r: { kind: string }) => r.kind === 'DAILY_SCAN_FAILING'
    )
  )
}

const emailFails = async (stack: Stack) => {
  const status = await openAndScan(stack, true)

  assert.deepEqual(
    [status.lastRun.email.state, status.lastRun.email.problem],
    ['FAILED', 'APP_FORBIDDEN']
  )
  assert.equal(stack.platform.messageCenter.outbox.length, 0)
}

const graphqlFails = (query: string) => async (stack: Stack) => {
  const res = await gql(stack, ANA, query)

  assert.ok(res.body.errors?.length, res.text)
}

/** A script on one of VTEX's asset hosts that the exposure scan must report unread. */
const assetHostUnread = (host: string) => ({
  fixture: (() => {
    const f = structuredClone(fixture)

    f.storefront['/'] = f.storefront['/'].replace(
      '</body>',
      `<script src="https://${host}/arquivos/app.js"></script></body>`
    )

    return f
  })(),
  check: async (stack: Stack) => {
    const scan = (
      await gql(
        stack,
        ANA,
        'mutation { runLeakScan { errors { url reason } } }'
      )
    ).body.data.runLeakScan

    assert.ok(
      scan.errors.some((e: { url: string }) => e.url.includes(host)),
      JSON.stringify(scan.errors)
    )
  },
})

const { account } = fixture
const CASES: Record<
  string,
  { check: (s: Stack) => Promise<void>; fixture?: Fixture }
> = {
  'outbound-access portal.vtexcommercestable.com.br/api/vlm/*': {
    check: graphqlFails('{ inventory(live: true) { complete } }'),
  },
  'outbound-access portal.vtexcommercestable.com.br/api/license-manager/*': {
    check: graphqlFails('{ inventory(live: true) { complete } }'),
  },
  'outbound-access portal.vtexcommercestable.com.br/api/vtexid/*': {
    check: graphqlFails('mutation { startReview { id } }'),
  },
  'outbound-access portal.vtexcommercestable.com.br/api/scheduler/*': {
    check: async (stack) => {
      const { reminders } = (await gql(stack, ANA, '{ reminders { kind } }'))
        .body.data

      assert.ok(
        reminders.some(
          (r: { kind: string }) => r.kind === 'DAILY_SCAN_FAILING'
        ),
        JSON.stringify(reminders)
      )
      const status = (await gql(stack, ANA, STATUS)).body.data.schedule

      assert.equal(status.registered, false)
      assert.equal(status.healthy, false)
      assert.deepEqual(
        [status.registration.state, status.registration.problem],
        ['FAILED', 'APP_FORBIDDEN']
      )
      assert.match(
        status.registration.detail,
        /register the daily scan \(HTTP 403\)/
      )
      assert.equal(
        errorCode(
          await gql(stack, ANA, 'mutation { restartSchedule { registered } }')
        ),
        'FORBIDDEN'
      )
    },
  },
  'outbound-access portal.vtexcommercestable.com.br/api/template-render/*': {
    check: emailFails,
  },
  'outbound-access portal.vtexcommercestable.com.br/api/mail-service/*': {
    check: emailFails,
  },
  'outbound-access {{account}}.vtexcommercestable.com.br/*': assetHostUnread(
    `${account}.vtexcommercestable.com.br`
  ),
  'outbound-access {{account}}.vteximg.com.br/*': assetHostUnread(
    `${account}.vteximg.com.br`
  ),
  'outbound-access {{account}}.vtexassets.com/*': assetHostUnread(
    `${account}.vtexassets.com`
  ),
  'outbound-access {{account}}.myvtex.com/*': {
    check: async (stack) => {
      const status = await openAndScan(stack)

      assert.equal(
        status.lastRun.storefront.state,
        'PARTIAL',
        'unread pages are never reported clean'
      )
      assert.ok(
        status.lastRun.storefront.unreadUrls > 0,
        'says how many URLs could not be read'
      )
    },
  },
  'vbase-read-write': { check: graphqlFails('{ settings { rotationDays } }') },
  'template-criar': { check: emailFails },
  'template-editar': {
    check: async (stack) => {
      stack.platform.messageCenter.templates.set('key-steward-reminders', {
        Name: 'key-steward-reminders',
        Templates: { email: { Subject: 'old', Message: 'old' } },
      })
      await emailFails(stack)
    },
  },
  'send-message': { check: emailFails },
  Save_User: { check: scanInventoryFails(/Save user/) },
  Get_Roles_Paged: { check: scanInventoryFails(/Get paged roles/) },
  Get_Users_Paged: { check: scanInventoryFails(/Get paged users/) },
  Get_User_By_Identifier: { check: scanInventoryFails(/Find user by email/) },
}

describe('each manifest policy is needed, and its absence shows in the Admin', () => {
  it('every policy of manifest.json has a case', () => {
    assert.deepEqual(
      readManifest().policies!.map(idOf).sort(),
      Object.keys(CASES).sort()
    )
  })
  for (const [id, c] of Object.entries(CASES)) {
    it(`without ${id}`, () => withStack(without(id), c.check, c.fixture))
  }
})

describe('the secret check', () => {
  it('no response carried a token', () =>
    assertNoTokens(fixture, seen, 'GraphQL response'))
})

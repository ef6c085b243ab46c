// The platform enforces the manifest for every call the app makes with its own token. Each case
// removes one policy from a copy of manifest.json and expects the feature that needs it to fail
// *visibly*: in the Daily scan status the Admin shows, in the reminder banner, or as a GraphQL
// error — never only as a log line.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Fixture } from '../platform/fixture'
import { readManifest, startStack, Stack } from '../stack'
import { DEFAULT_FIXTURE } from '../paths'
import { assertNoTokens, errorCode, gql, loadJson, seen } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ANA = 'session-ana-owner'
const STATUS = `{ schedule { registered healthy registration { state problem detail }
  lastRun { inventory { state problem detail } storefront { state problem detail } email { state problem detail } } } }`

type Policy = { name: string; attrs?: Record<string, string> }
const without = (match: (p: Policy) => boolean) => {
  const m = readManifest()
  const before = m.policies!.length
  m.policies = m.policies!.filter(p => !match(p))
  assert.equal(m.policies.length, before - 1, 'the policy to remove is in manifest.json')
  return m
}

async function withStack<T>(manifest: ReturnType<typeof readManifest>, fn: (s: Stack) => Promise<T>): Promise<T> {
  const stack = await startStack({ fixture: DEFAULT_FIXTURE, manifest })
  try {
    return await fn(stack)
  } finally {
    await stack.stop()
    assertNoTokens(fixture, stack.logs, 'service log line')
  }
}

/** Opens Key Steward (registers the scan), optionally sets e-mail recipients, and runs the scan once. */
async function openAndScan(stack: Stack, emails = false) {
  await gql(stack, ANA, '{ reminders { id } }')
  if (emails) assert.equal((await gql(stack, ANA, 'mutation { updateSettings(settings: { reminderEmails: ["sec@acme.com"] }) { reminderEmails } }')).body.errors, undefined)
  await fetch(`${stack.platform.url}/_platform/clock`, { method: 'POST', body: JSON.stringify({ days: 1 }) })
  return (await gql(stack, ANA, STATUS)).body.data.schedule
}

describe('each manifest policy is needed, and its absence shows in the Admin', () => {
  it('outbound-access to the scheduler: registration fails, the status and the banner say so', () => withStack(without(p => p.attrs?.path === '/api/scheduler/*'), async stack => {
    const reminders = (await gql(stack, ANA, '{ reminders { kind } }')).body.data.reminders
    assert.ok(reminders.some((r: { kind: string }) => r.kind === 'DAILY_SCAN_FAILING'), JSON.stringify(reminders))
    const status = (await gql(stack, ANA, STATUS)).body.data.schedule
    assert.equal(status.registered, false)
    assert.equal(status.healthy, false)
    assert.deepEqual([status.registration.state, status.registration.problem], ['FAILED', 'APP_FORBIDDEN'])
    assert.match(status.registration.detail, /scheduler/)
    const restart = await gql(stack, ANA, 'mutation { restartSchedule { registered } }')
    assert.equal(errorCode(restart), 'FORBIDDEN')
  }))

  it('Save_User: the scan cannot list keys; the run is recorded as failed', () => withStack(without(p => p.name === 'Save_User'), async stack => {
    const status = await openAndScan(stack)
    assert.equal(status.registered, true)
    assert.deepEqual([status.lastRun.inventory.state, status.lastRun.inventory.problem], ['FAILED', 'APP_FORBIDDEN'])
    assert.match(status.lastRun.inventory.detail, /Save user/)
    assert.equal(status.healthy, false)
    assert.ok((await gql(stack, ANA, '{ reminders { kind } }')).body.data.reminders.some((r: { kind: string }) => r.kind === 'DAILY_SCAN_FAILING'))
  }))

  it('Get_Roles_Paged: the scan fails naming the missing resource', () => withStack(without(p => p.name === 'Get_Roles_Paged'), async stack => {
    const status = await openAndScan(stack)
    assert.deepEqual([status.lastRun.inventory.state, status.lastRun.inventory.problem], ['FAILED', 'APP_FORBIDDEN'])
    assert.match(status.lastRun.inventory.detail, /Get paged roles/)
  }))

  for (const policy of ['template-criar', 'send-message']) {
    it(`${policy}: reminder e-mails fail and the run says so`, () => withStack(without(p => p.name === policy), async stack => {
      const status = await openAndScan(stack, true)
      assert.deepEqual([status.lastRun.email.state, status.lastRun.email.problem], ['FAILED', 'APP_FORBIDDEN'])
      assert.equal(stack.platform.messageCenter.outbox.length, 0)
    }))
  }

  it('template-editar: a changed template cannot be updated, so no e-mail goes out with the old one', () => withStack(without(p => p.name === 'template-editar'), async stack => {
    stack.platform.messageCenter.templates.set('key-steward-reminders', { Name: 'key-steward-reminders', Templates: { email: { Subject: 'old', Message: 'old' } } })
    const status = await openAndScan(stack, true)
    assert.deepEqual([status.lastRun.email.state, status.lastRun.email.problem], ['FAILED', 'APP_FORBIDDEN'])
    assert.equal(stack.platform.messageCenter.outbox.length, 0)
  }))

  it('outbound-access to the store: the storefront crawl reads nothing and is not reported clean', () => withStack(without(p => p.attrs?.host === '{{account}}.myvtex.com'), async stack => {
    const status = await openAndScan(stack)
    assert.equal(status.lastRun.storefront.state, 'PARTIAL')
    assert.match(status.lastRun.storefront.detail, /could not be read/)
  }))

  it('vbase-read-write: every page fails with an error instead of empty settings', () => withStack(without(p => p.name === 'vbase-read-write'), async stack => {
    const res = await gql(stack, ANA, '{ settings { rotationDays } }')
    assert.ok(res.body.errors?.length, res.text)
    assert.equal(res.body.data?.settings ?? null, null)
  }))
})

describe('the secret check', () => {
  it('no response carried a token', () => assertNoTokens(fixture, seen, 'GraphQL response'))
})

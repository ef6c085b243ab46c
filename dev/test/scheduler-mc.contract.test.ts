// The scheduler and Message Center stand-ins hold to the shapes real VTEX IO apps use (VTEX
// publishes no OpenAPI for them here): vtex-apps/return-app node/clients/scheduler.ts and
// node/clients/mail.ts, vtex-apps/shipment-tracker node/clients/scheduler.ts. A call VTEX would
// refuse is refused here, so a wrong client fails a test instead of passing it.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { Platform } from '../platform/server'
import { DEFAULT_FIXTURE } from '../paths'
import { loadJson } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ALL_MC = ['template-criar', 'template-editar', 'send-message']
let platform: Platform

async function start(appPolicies: string[]): Promise<Platform> {
  return new Platform({
    fixture: structuredClone(fixture),
    appName: 'yourvendor.key-steward',
    appResources: [],
    appPolicies,
    outbound: [],
    vbaseAllowed: true,
  }).listen()
}

const asApp = (path: string, method = 'GET', body?: unknown, p = platform) =>
  fetch(`${p.url}${path}`, {
    method,
    headers: {
      VtexIdclientAutCookie: p.state.appToken,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const JOB = {
  id: 'key-steward-daily-scan',
  scheduler: { expression: '0 6 * * *', endDate: '2026-12-26T12:00:00' },
  request: {
    uri: 'https://master--acme.myvtex.com/_v/key-steward/scan',
    method: 'POST',
    headers: { Authorization: 'Bearer s3cret' },
    body: {},
  },
}

const COLLECTION = '/api/scheduler/master/yourvendor.key-steward'

before(async () => {
  platform = await start(ALL_MC)
})
after(() => platform.close())
beforeEach(() => platform.scheduler.jobs.clear())

describe('scheduler stand-in', () => {
  it('creates or updates a job on the collection path with the id in the body (POST and PUT, with or without the trailing slash)', async () => {
    for (const [method, path] of [
      ['POST', `${COLLECTION}/?version=4`],
      ['PUT', `${COLLECTION}/?version=4`],
      ['POST', `${COLLECTION}?version=4`],
    ]) {
      const res = await asApp(path, method, JOB)

      assert.equal(res.status, 200, `${method} ${path}`)
      assert.equal(platform.scheduler.jobs.size, 1)
    }
  })
  it('reads and deletes on the job’s own path, never echoing the secret header', async () => {
    await asApp(`${COLLECTION}/?version=4`, 'POST', JOB)
    const read = await asApp(`${COLLECTION}/${JOB.id}?version=4`)

    assert.equal(read.status, 200)
    const text = await read.text()

    assert.ok(!text.includes('s3cret'))
    assert.equal(JSON.parse(text).scheduler.expression, '0 6 * * *')
    assert.equal(
      (await asApp(`${COLLECTION}/${JOB.id}?version=4`, 'DELETE')).status,
      204
    )
    assert.equal((await asApp(`${COLLECTION}/${JOB.id}?version=4`)).status, 404)
    assert.equal(
      (await asApp(`${COLLECTION}/${JOB.id}?version=4`, 'DELETE')).status,
      404
    )
  })
  it('refuses what VTEX refuses: PUT on a job’s own path (405), no version (404), a body without an id (400)', async () => {
    assert.equal(
      (await asApp(`${COLLECTION}/${JOB.id}?version=4`, 'PUT', JOB)).status,
      405
    )
    assert.equal(
      (await asApp(`${COLLECTION}/${JOB.id}?version=4`, 'POST', JOB)).status,
      405
    )
    assert.equal(
      (await asApp(`${COLLECTION}/?version=3`, 'POST', JOB)).status,
      404
    )
    assert.equal((await asApp(`${COLLECTION}/`, 'POST', JOB)).status, 404)
    const { id: _, ...noId } = JOB

    assert.equal(
      (await asApp(`${COLLECTION}/?version=4`, 'POST', noId)).status,
      400
    )
    assert.equal(
      (
        await asApp(`${COLLECTION}/?version=4`, 'POST', {
          ...JOB,
          scheduler: { expression: 'every day' },
        })
      ).status,
      400
    )
    assert.equal(platform.scheduler.jobs.size, 0)
  })
  it('takes calls from apps only', async () => {
    const res = await fetch(`${platform.url}${COLLECTION}/?version=4`, {
      method: 'POST',
      headers: { VtexIdclientAutCookie: 'session-ana-owner' },
      body: JSON.stringify(JOB),
    })

    assert.equal(res.status, 403)
  })
})

describe('Message Center stand-in', () => {
  const TEMPLATE = {
    Name: 'key-steward-reminders',
    Templates: { email: { Subject: 'S', Message: '<p>{{to}}</p>' } },
  }

  it('reads a template by name (404 when missing), creates it, then updates it', async () => {
    assert.equal(
      (await asApp('/api/template-render/pvt/templates/key-steward-reminders'))
        .status,
      404
    )
    assert.equal(
      (await asApp('/api/template-render/pvt/templates', 'POST', TEMPLATE))
        .status,
      200
    )
    assert.equal(
      (await asApp('/api/template-render/pvt/templates/key-steward-reminders'))
        .status,
      200
    )
    assert.equal(
      (
        await asApp('/api/template-render/pvt/templates', 'POST', {
          ...TEMPLATE,
          Templates: { email: { Subject: 'T', Message: 'x' } },
        })
      ).status,
      200
    )
    assert.equal(
      (
        await asApp('/api/mail-service/pvt/sendmail', 'POST', {
          templateName: TEMPLATE.Name,
          jsonData: { to: 'a@b.c' },
        })
      ).status,
      200
    )
  })
  for (const [missing, call] of [
    [
      'template-criar',
      async (p: Platform) =>
        asApp('/api/template-render/pvt/templates', 'POST', TEMPLATE, p),
    ],
    [
      'template-editar',
      async (p: Platform) => {
        p.messageCenter.templates.set(TEMPLATE.Name, TEMPLATE)

        return asApp('/api/template-render/pvt/templates', 'POST', TEMPLATE, p)
      },
    ],
    [
      'send-message',
      async (p: Platform) => {
        p.messageCenter.templates.set(TEMPLATE.Name, TEMPLATE)

        return asApp(
          '/api/mail-service/pvt/sendmail',
          'POST',
          { templateName: TEMPLATE.Name, jsonData: { to: 'a@b.c' } },
          p
        )
      },
    ],
  ] as const) {
    it(`answers 403 when the manifest lacks ${missing}`, async () => {
      const p = await start(ALL_MC.filter((x) => x !== missing))

      try {
        const res = await call(p)

        assert.equal(res.status, 403)
        assert.match(await res.text(), new RegExp(missing))
        assert.equal(p.messageCenter.outbox.length, 0)
      } finally {
        await p.close()
      }
    })
  }
})

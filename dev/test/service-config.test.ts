// node/service.json within what VTEX documents (developers.vtex.com, "Service": memory at most
// 1024 MB; minReplicas at least 2 for installed apps; maxReplicas from 5 to 60; ttl 10 to 60
// minutes; workers at most 4), and the service's deadlines derived from its timeout.
import assert from 'node:assert/strict'
import { readFileSync } from 'fs'
import { join } from 'path'
import { describe, it } from 'node:test'

import {
  REQUEST_BUDGET_MS,
  ROUTE_TIMEOUT_MS,
} from '../../node/clients/deadline'
import { SCAN_BUDGET_MS } from '../../node/services/dailyScan/registration'
import { MANIFEST, ROOT } from '../paths'

const service = JSON.parse(
  readFileSync(join(ROOT, 'node', 'service.json'), 'utf8')
)

const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'))

describe('node/service.json', () => {
  it('stays within VTEX’s documented bounds', () => {
    assert.ok(service.memory <= 1024)
    assert.ok(service.minReplicas >= 2)
    assert.ok(
      service.maxReplicas >= 5 && service.maxReplicas <= 60,
      `maxReplicas ${service.maxReplicas}`
    )
    assert.ok(service.maxReplicas >= service.minReplicas)
    assert.ok(service.ttl >= 10 && service.ttl <= 60)
    assert.ok(service.workers <= 4)
  })
  it('its timeout is the one every request deadline is cut from', () => {
    assert.equal(service.timeout * 1000, ROUTE_TIMEOUT_MS)
    assert.ok(REQUEST_BUDGET_MS < ROUTE_TIMEOUT_MS)
    assert.ok(
      SCAN_BUDGET_MS < REQUEST_BUDGET_MS,
      'the scan leaves time to save and e-mail'
    )
  })
})

describe('manifest.json policies for Message Center', () => {
  it('declares what real apps declare to create and update templates and send mail', () => {
    const names = manifest.policies.map((p: { name: string }) => p.name)

    for (const p of ['template-criar', 'template-editar', 'send-message'])
      assert.ok(names.includes(p), p)
  })
})

// Settings saved are reported saved, even when reading their new version back fails: the admin
// must not be told "failed" for a save that landed (and then meet CONFLICT when retrying it).
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { gql, useStack } from './helpers'

const ANA = 'session-ana-owner'
const stack = useStack({ fixture: DEFAULT_FIXTURE })
const SAVE =
  'mutation($v: String) { updateSettings(settings: { rotationDays: 120 }, version: $v) { rotationDays version } }'

describe('settings read-back', () => {
  it('answers from what was written when the read-back fails, and a retry does not conflict', async () => {
    const { version } = (await gql(stack, ANA, '{ settings { version } }')).body
      .data.settings

    // The write is slow; while it is in flight, reads of the settings start failing.
    stack.platform.faults.set([
      {
        method: 'PUT',
        path: '/settings/files/settings.json$',
        latencyMs: 1500,
      },
    ])
    const saving = gql(stack, ANA, SAVE, { v: version })

    await new Promise((r) => setTimeout(r, 700))
    stack.platform.faults.set([
      { method: 'GET', path: '/settings/files/settings.json$', status: 503 },
    ])
    const res = await saving

    stack.platform.faults.set([])
    assert.equal(res.body.errors, undefined, res.text)
    assert.equal(res.body.data.updateSettings.rotationDays, 120)
    assert.equal(
      (await gql(stack, ANA, '{ settings { rotationDays } }')).body.data
        .settings.rotationDays,
      120
    )
    const retry = await gql(stack, ANA, SAVE, {
      v: res.body.data.updateSettings.version,
    })

    assert.equal(retry.body.errors, undefined, retry.text)
  })
})

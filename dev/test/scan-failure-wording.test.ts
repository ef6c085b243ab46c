// A daily scan step that failed outright is shown in the admin's language: the status keeps what
// failed as data (which call, its status, the attempts) and the Settings status words it per
// request, as it does for partial steps (scan-deadline.test.ts). A pt or es admin reads no English.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { gql, useStack } from './helpers'

const ANA = 'session-ana-owner'
const STATUS =
  '{ schedule { healthy lastRun { inventory { state problem detail } } } }'

const stack = useStack({ fixture: DEFAULT_FIXTURE }, { resetEach: false })

/** Sentences the English status is made of: none may reach a pt or es admin. */
const ENGLISH =
  /Could not|the list of API keys|attempts?\b|answered|failed after|VTEX refused|\/api\/vlm/

describe('a scheduled scan whose key list keeps failing', () => {
  it('words the failed step in the language of whoever reads the Settings status', async () => {
    await gql(stack, ANA, '{ reminders { id } }') // opening Key Steward registers the scan
    stack.platform.faults.set([{ path: '^/api/vlm/appkeys$', status: 502 }])
    const { fired } = (await (
      await fetch(`${stack.platform.url}/_platform/clock`, {
        method: 'POST',
        body: JSON.stringify({ days: 1 }),
      })
    ).json()) as { fired: Array<{ status: number }> }

    stack.platform.faults.set([])
    assert.equal(fired.length, 1, 'the scheduler ran the scan')

    const read = async (locale?: string) =>
      (await gql(stack, ANA, STATUS, undefined, locale)).body.data.schedule

    const en = await read()

    assert.equal(en.healthy, false)
    assert.deepEqual(
      [en.lastRun.inventory.state, en.lastRun.inventory.problem],
      ['FAILED', 'UPSTREAM_UNAVAILABLE']
    )
    assert.equal(
      en.lastRun.inventory.detail,
      'Could not read the list of API keys: HTTP 502 after 4 attempts.'
    )

    for (const [locale, text] of [
      [
        'pt-BR',
        'Não foi possível ler a lista de chaves de API: HTTP 502 após 4 tentativas.',
      ],
      [
        'es',
        'No fue posible leer la lista de claves de API: HTTP 502 tras 4 intentos.',
      ],
    ] as const) {
      const { detail } = (await read(locale)).lastRun.inventory

      assert.equal(detail, text)
      assert.doesNotMatch(detail, ENGLISH)
    }
  })

  it('shows a stored state or problem this version does not know as a failure it cannot name, not an error for the whole status', async () => {
    const [first] = [...stack.platform.state.vbase.keys()]
    const key = `master/${first.split('/')[1]}/schedule/status.json`
    const stored = JSON.parse(
      stack.platform.state.vbase.get(key)!.body.toString('utf8')
    )

    stored.lastRun.inventory = {
      ...stored.lastRun.inventory,
      state: 'WEIRD',
      problem: 'A_PROBLEM_FROM_A_LATER_VERSION',
    }
    stack.platform.state.vbase.set(key, {
      body: Buffer.from(JSON.stringify(stored)),
      contentType: 'application/json',
      etag: stack.platform.state.nextEtag(),
    })
    const r = await gql(stack, ANA, STATUS)

    assert.equal(r.body.errors, undefined, r.text.slice(0, 300))
    assert.deepEqual(
      [
        r.body.data.schedule.lastRun.inventory.state,
        r.body.data.schedule.lastRun.inventory.problem,
      ],
      ['FAILED', 'UNEXPECTED']
    )
  })
})

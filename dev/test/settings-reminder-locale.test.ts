// The language of reminder e-mails, as the settings page shows it, is the one they go out in:
// before anyone chose, a pt admin was shown "Português" while the e-mails went out in English,
// and saving any other field then stored the viewer's language unasked.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { DEFAULT_FIXTURE } from '../paths'
import { seen, useStack } from './helpers'

const ANA = 'session-ana-owner'
const stack = useStack({ fixture: DEFAULT_FIXTURE })

async function inLocale(locale: string, query: string, variables = {}) {
  const res = await fetch(`${stack.url}/_v/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-vtex-locale': locale,
      cookie: `VtexIdclientAutCookie=${ANA}`,
    },
    body: JSON.stringify({ query, variables }),
  })

  const text = await res.text()

  seen.push(text)

  return JSON.parse(text)
}

describe('language of reminder e-mails never chosen', () => {
  for (const locale of ['pt-BR', 'es-AR', 'en-US']) {
    it(`reads English (what the e-mails use) for a ${locale} admin`, async () => {
      const r = await inLocale(locale, '{ settings { reminderLocale } }')

      assert.equal(r.errors, undefined, JSON.stringify(r.errors))
      assert.equal(r.data.settings.reminderLocale, 'en')
    })
  }

  it('saving another field answers English too, and the choice, once made, is kept', async () => {
    const saved = await inLocale(
      'pt-BR',
      'mutation { updateSettings(settings: { rotationDays: 120 }) { rotationDays reminderLocale } }'
    )

    assert.equal(saved.errors, undefined, JSON.stringify(saved.errors))
    assert.deepEqual(saved.data.updateSettings, {
      rotationDays: 120,
      reminderLocale: 'en',
    })

    const chosen = await inLocale(
      'en-US',
      'mutation { updateSettings(settings: { reminderLocale: "pt" }) { reminderLocale } }'
    )

    assert.equal(chosen.data.updateSettings.reminderLocale, 'pt')
    const read = await inLocale('es-AR', '{ settings { reminderLocale } }')

    assert.equal(read.data.settings.reminderLocale, 'pt')
  })
})

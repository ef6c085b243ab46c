// Closing the access review's checklist as the default fixture needs it (every practice Done,
// with the note an adverse evidence line asks for): shared by the review suites.
import assert from 'node:assert/strict'

import type { Stack } from '../stack'
import { gql } from './helpers'

export const CHECK =
  'mutation($p: Practice!, $s: CheckStatus!, $n: String) { checkPractice(practice: $p, status: $s, note: $n) { progress { practicesClosed } } }'

export async function closeChecklist(stack: Stack, cookie: string) {
  // NO_CLIENT_SIDE needs a storefront scan run since the review started.
  assert.equal(
    (await gql(stack, cookie, 'mutation { runLeakScan { at } }')).body.errors,
    undefined
  )
  // The fixture's evidence is adverse for these: Done needs a note saying what was done.
  for (const p of [
    'ROTATE_KEYS',
    'RENEW_TOKENS',
    'REASSESS_ACCESS',
    'INDIVIDUAL_KEYS',
    'NO_CLIENT_SIDE',
  ]) {
    const r = await gql(stack, cookie, CHECK, {
      p,
      s: 'DONE',
      n: `Handled ${p}: owners asked to act by 2026-12-15`,
    })

    assert.equal(r.body.errors, undefined, r.text)
  }

  assert.equal(
    (
      await gql(stack, cookie, CHECK, {
        p: 'AWARENESS',
        s: 'DONE',
        n: 'Credential-handling training on 2026-11-10 for the integration team',
      })
    ).body.errors,
    undefined
  )
  assert.equal(
    (
      await gql(stack, cookie, CHECK, {
        p: 'NO_SHARING',
        s: 'DONE',
        n: 'Tokens go through the vault; no ticket or chat contains one (checked 2026-11-20)',
      })
    ).body.errors,
    undefined
  )
}

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
  // The fixture's evidence is adverse for the first five: Done needs a note saying what was
  // done; the last two have no automatic evidence and are attested by a note.
  const notes: Array<[string, string]> = [
    ...[
      'ROTATE_KEYS',
      'RENEW_TOKENS',
      'REASSESS_ACCESS',
      'INDIVIDUAL_KEYS',
      'NO_CLIENT_SIDE',
    ].map((p): [string, string] => [
      p,
      `Handled ${p}: owners asked to act by 2026-12-15`,
    ]),
    [
      'AWARENESS',
      'Credential-handling training on 2026-11-10 for the integration team',
    ],
    [
      'NO_SHARING',
      'Tokens go through the vault; no ticket or chat contains one (checked 2026-11-20)',
    ],
  ]

  for (const [p, n] of notes) {
    const r = await gql(stack, cookie, CHECK, { p, s: 'DONE', n })

    assert.equal(r.body.errors, undefined, r.text)
  }
}

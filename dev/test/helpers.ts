// Shared helpers for the dev/ tests: GraphQL calls through the gateway, platform requests, and
// the secret check every suite runs on what it saw.
import assert from 'node:assert/strict'
import { readFileSync } from 'fs'
import { join } from 'path'
import { after, before, beforeEach } from 'node:test'

import type { Fixture } from '../platform/fixture'
import type { Stack, StackOptions } from '../stack'
import { startStack } from '../stack'

export const SMALL_FIXTURE = join(__dirname, 'fixtures', 'small.json')
export const loadJson = <T>(file: string): T =>
  JSON.parse(readFileSync(file, 'utf8')) as T

/** Every response body the tests received, for the secret check. */
export const seen: string[] = []
/** The app's VBase documents as each test left them (storage is reset between tests). */
const storedSeen: string[] = []

export interface GqlResult {
  status: number
  body: {
    data?: any
    errors?: Array<{
      message: string
      extensions?: { code?: string; [k: string]: unknown }
    }>
  }
  text: string
}

export async function gql(
  stack: Stack,
  cookie: string | null,
  query: string,
  variables?: Record<string, unknown>,
  /** the Admin's language, as it sends it (x-vtex-locale); English when not given */
  locale?: string
): Promise<GqlResult> {
  const res = await fetch(`${stack.url}/_v/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(cookie ? { cookie: `VtexIdclientAutCookie=${cookie}` } : {}),
      ...(locale ? { 'x-vtex-locale': locale } : {}),
    },
    body: JSON.stringify({ query, variables }),
  })

  const text = await res.text()

  seen.push(text)

  return { status: res.status, body: JSON.parse(text), text }
}

/** Records an owner for a key through Key Steward (as an admin would), asserting it was saved. */
export async function recordOwner(
  stack: Stack,
  cookie: string,
  keyId: string,
  owner = 'ops@acme.com'
): Promise<void> {
  const r = await gql(
    stack,
    cookie,
    'mutation($k: ID!, $o: String) { annotateKey(keyId: $k, annotation: { owner: $o }) { owner } }',
    { k: keyId, o: owner }
  )

  assert.equal(r.body.errors, undefined, r.text.slice(0, 300))
}

export function errorCode(r: GqlResult): string | undefined {
  return r.body.errors?.[0]?.extensions?.code
}

type Secrets = Fixture | ReadonlyArray<{ appKey: string; token: string }>

/** Every token a fixture holds: each key's current token and a pending renewal's new one. */
export function tokensOf(
  source: Secrets
): Array<{ appKey: string; token: string }> {
  if (Array.isArray(source)) return [...source]

  return (source as Fixture).appKeys.flatMap((k) => [
    { appKey: k.appKey, token: k.token },
    ...(k.pendingToken ? [{ appKey: k.appKey, token: k.pendingToken }] : []),
  ])
}

const probesOf = (token: string) => [
  token,
  token.slice(0, 32),
  token.slice(-32),
]

/** Fails naming where a fixture token (or a long slice of one) shows up. */
export function assertNoTokens(
  source: Secrets,
  texts: string[],
  where: string
): void {
  for (const key of tokensOf(source)) {
    const probes = probesOf(key.token)

    texts.forEach((text, i) => {
      for (const probe of probes)
        assert.ok(
          !text.includes(probe),
          `${where} #${i} contains (part of) the token of ${key.appKey}`
        )
    })
  }
}

const occurrences = (text: string, probe: string) =>
  text.split(probe).length - 1

/**
 * A token the platform issued during the run (a renewal's new token) is shown once: it appears
 * exactly once in all of `answers` (the renew answer to the admin who asked), and not even in
 * part anywhere in `elsewhere` (logs, other answers, storage, pages, exports).
 */
export function assertIssuedTokensShownOnce(
  issued: ReadonlyArray<{ appKey: string; token: string }>,
  answers: string[],
  elsewhere: Record<string, string[]>
): void {
  for (const t of issued) {
    const probes = probesOf(t.token)
    const where = answers
      .map((text, i) => ({ i, n: occurrences(text, t.token) }))
      .filter((x) => x.n > 0)

    assert.equal(
      where.reduce((sum, x) => sum + x.n, 0),
      1,
      `the new token of ${t.appKey} appears ${where.reduce(
        (sum, x) => sum + x.n,
        0
      )} times in the answers (#${where
        .map((x) => x.i)
        .join(', #')}), not exactly once`
    )
    answers.forEach((text, i) => {
      if (i === where[0]?.i) return
      for (const probe of probes)
        assert.ok(
          !text.includes(probe),
          `answer #${i} (not the renew answer) contains part of the new token of ${t.appKey}`
        )
    })
    for (const [name, texts] of Object.entries(elsewhere))
      assertNoTokens([t], texts, name)
  }
}

/** What the platform's VBase holds for the app, as text (the secret check reads it all). */
export function vbaseTexts(stack: Stack): string[] {
  return [...stack.platform.state.vbase.entries()].map(
    ([path, file]) => `${path}\n${file.body.toString('utf8')}`
  )
}

/**
 * Makes the stored recent copy look `minutes` older (negative: a read time ahead of the clock),
 * as time passing would: "Load live data" answers from a copy read under 30 s ago.
 */
export function ageRecentCopy(stack: Stack, minutes: number): void {
  for (const [path, file] of stack.platform.state.vbase.entries()) {
    if (!path.includes('snapshots') || !path.endsWith('recent-meta.json'))
      continue
    const meta = JSON.parse(file.body.toString('utf8'))

    meta.readAtMs -= minutes * 60_000
    file.body = Buffer.from(JSON.stringify(meta))

    return
  }

  throw new Error('no recent copy in VBase')
}

export async function setFaults(
  stack: Stack,
  rules: unknown[],
  latencyMs = 0
): Promise<void> {
  stack.platform.faults.set(rules as never, latencyMs)
}

/**
 * Starts one stack for a test file and stops it after, then runs the secret check on every
 * response the file received and every line the service logged. Returns the stack (usable once
 * the file's `before` hooks ran). `resetEach` clears faults and the app's storage between tests.
 */
export function useStack(
  options: StackOptions & { fixture: string | Fixture },
  { resetEach = true } = {}
): Stack {
  let current: Stack | undefined

  before(async () => {
    current = await startStack(options)
  })
  after(async () => {
    if (!current) return
    await current.stop()
    // The tokens the fixture started with (current.fixture is the platform's live copy, whose
    // tokens change when a renewal finishes), and every token issued during the run.
    const { fixtureTokens, issuedTokens } = current.platform.state
    const stored = [...storedSeen, ...vbaseTexts(current)]

    assertNoTokens(fixtureTokens, seen, 'GraphQL response')
    assertNoTokens(fixtureTokens, current.logs, 'service log line')
    assertNoTokens(fixtureTokens, stored, 'VBase document')
    assertIssuedTokensShownOnce(issuedTokens, seen, {
      'service log line': current.logs,
      'VBase document': stored,
    })
  })
  if (resetEach) {
    beforeEach(() => {
      // What a test stored is checked for secrets too, before the reset wipes it.
      storedSeen.push(...vbaseTexts(current!))
      current!.platform.faults.set([])
      current!.platform.resetAppStorage()
    })
  }

  return new Proxy({} as Stack, {
    get: (_, key) => {
      if (!current)
        throw new Error(
          'the stack is not started yet (use it inside tests or hooks)'
        )

      return current[key as keyof Stack]
    },
  })
}

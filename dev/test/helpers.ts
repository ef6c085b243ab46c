// Shared helpers for the dev/ tests: GraphQL calls through the gateway, platform requests, and
// the secret check every suite runs on what it saw.
import assert from 'node:assert/strict'
import { readFileSync } from 'fs'
import { join } from 'path'
import type { Fixture } from '../platform/fixture'
import { after, before, beforeEach } from 'node:test'
import { startStack, Stack, StackOptions } from '../stack'

export const SMALL_FIXTURE = join(__dirname, 'fixtures', 'small.json')
export const loadJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T

/** Every response body the tests received, for the secret check. */
export const seen: string[] = []

export interface GqlResult {
  status: number
  body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string; [k: string]: unknown } }> }
  text: string
}

export async function gql(stack: Stack, cookie: string | null, query: string, variables?: Record<string, unknown>): Promise<GqlResult> {
  const res = await fetch(`${stack.url}/_v/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie: `VtexIdclientAutCookie=${cookie}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const text = await res.text()
  seen.push(text)
  return { status: res.status, body: JSON.parse(text), text }
}

export function errorCode(r: GqlResult): string | undefined {
  return r.body.errors?.[0]?.extensions?.code
}

/** Fails naming where a fixture token (or a long slice of one) shows up. */
export function assertNoTokens(fixture: Fixture, texts: string[], where: string): void {
  for (const key of fixture.appKeys) {
    const probes = [key.token, key.token.slice(0, 32), key.token.slice(-32)]
    texts.forEach((text, i) => {
      for (const probe of probes) assert.ok(!text.includes(probe), `${where} #${i} contains (part of) the token of ${key.appKey}`)
    })
  }
}

export async function setFaults(stack: Stack, rules: unknown[], latencyMs = 0): Promise<void> {
  stack.platform.faults.set(rules as never, latencyMs)
}

/**
 * Starts one stack for a test file and stops it after, then runs the secret check on every
 * response the file received and every line the service logged. Returns the stack (usable once
 * the file's `before` hooks ran). `resetEach` clears faults and the app's storage between tests.
 */
export function useStack(options: StackOptions & { fixture: string | Fixture }, { resetEach = true } = {}): Stack {
  let current: Stack | undefined
  before(async () => { current = await startStack(options) })
  after(async () => {
    if (!current) return
    await current.stop()
    const fixture = current.fixture
    assertNoTokens(fixture, seen, 'GraphQL response')
    assertNoTokens(fixture, current.logs, 'service log line')
  })
  if (resetEach) {
    beforeEach(() => {
      current!.platform.faults.set([])
      current!.platform.resetAppStorage()
    })
  }
  return new Proxy({} as Stack, {
    get: (_, key) => {
      if (!current) throw new Error('the stack is not started yet (use it inside tests or hooks)')
      return current[key as keyof Stack]
    },
  })
}

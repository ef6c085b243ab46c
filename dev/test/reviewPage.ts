// The access review page as the review browser suites drive it: opened as the owner in a
// language (with more query), and GraphQL calls as the owner that must not fail.
import assert from 'node:assert/strict'

import type { Frame, Page } from 'playwright-core'

import type { Stack } from '../stack'
import { openAdmin, whenLoaded } from './browser'
import { gql } from './helpers'

export const OWNER = 'session-ana-owner'

export function reviewPage(suite: {
  readonly stack: Stack
  readonly page: Page
}) {
  return {
    async open(locale: string, query = ''): Promise<Frame> {
      const app = await openAdmin(
        suite.page,
        `${suite.stack.url}/admin/key-steward/review?locale=${locale}&session=${OWNER}${query}`
      )

      await whenLoaded(app)

      return app
    },
    async ok(query: string, variables?: Record<string, unknown>) {
      const r = await gql(suite.stack, OWNER, query, variables)

      assert.equal(r.body.errors, undefined, r.text.slice(0, 400))

      return r.body.data
    },
  }
}

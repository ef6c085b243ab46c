// Test support: the PolicyInput a fixture describes, as the service would load it (without
// HTTP). Lets domain tests run on the same fixtures as the end-to-end tests.
import { readFileSync } from 'fs'
import { join } from 'path'

import type { RawExternalKey, RolesResult } from '../inventory'
import { assembleInventory } from '../inventory'
import type { Annotation, PolicyInput, Renewal } from '../rules/types'
import type { Settings } from '../settings'
import { withDefaults } from '../settings'
import { scanText } from '../leaks/scanText'

export const DEFAULT_FIXTURE = join(
  __dirname,
  '..',
  '..',
  '..',
  'dev',
  'fixtures',
  'default.json'
)

export function policyInputFromFixture(
  file = DEFAULT_FIXTURE,
  overrides: Partial<Settings> = {}
): PolicyInput {
  const f = JSON.parse(readFileSync(file, 'utf8'))
  const now = new Date(f.now)
  const byId = new Map<number, { id: number; name: string }>(
    f.roles.map((r: { id: number; name: string }) => [r.id, r])
  )

  const storage = f.appStorage ?? {}
  const external: RawExternalKey[] = storage.externalKeys ?? []
  const rolesOf = new Map<string, RolesResult>()
  const subjects: string[] = [
    ...f.appKeys.map((k: { id: string }) => k.id),
    ...f.users.map((u: { id: string }) => u.id),
    ...external.map((e) => e.appKey),
  ]

  for (const s of subjects)
    rolesOf.set(s, {
      ok: true,
      roles: (f.roleAssignments[s] ?? []).map((id: number) => byId.get(id)!),
    })
  const inventory = assembleInventory({
    now,
    keys: f.appKeys,
    roles: f.roles,
    users: f.users,
    externalKeys: external,
    rolesOf,
  })

  return {
    account: f.account,
    now,
    inventory,
    settings: { ...withDefaults(storage.settings ?? null), ...overrides },
    annotations: (storage.annotations ?? {}) as Record<string, Annotation>,
    renewals: (storage.renewals ?? {}) as Record<string, Renewal>,
    lastReviewCompletedAt: null,
    // As if the storefront scan had fetched every page and script the fixture serves.
    leakScan: {
      at: f.now,
      exposures: Object.entries(f.storefront ?? {}).flatMap(([path, body]) =>
        scanText(`https://${f.account}.myvtex.com${path}`, String(body))
      ),
    },
  }
}

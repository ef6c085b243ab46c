// Step 6: the manifest's policies cover every call the code makes, and nothing more.
//
// What the code calls is read from the clients themselves, not written down here:
//   - node/clients/index.ts `Clients`: every client the service can use (its getters), each one
//     instantiated with a placeholder context (account "{{account}}", as policies write it);
//   - a JanusClient's host is the one @vtex/api gives it (portal.vtexcommercestable.com.br); its
//     paths are the endpoint table its module exports (LM, SCHEDULER, MESSAGE_CENTER, VTEX_ID:
//     values "METHOD /path/{param}"), and every "/api/…" literal in the module must be one of
//     them, so a call added without its table entry fails here;
//   - another ExternalClient (the storefront) calls any path on its `origin` and `scriptHosts`
//     (what the exposure scan is allowed to fetch), or on its base URL's host;
//   - an IO infra client (VBase) needs its policy from INFRA_POLICIES below, not outbound access.
// Policies beyond outbound access come from the clients' own tables: License Manager's
// RESOURCE_FOR (licenseManagerApi.ts; the daily scan calls every endpoint in it with the app's own
// token, so each needs its resource as a policy, see node/resolvers/requestData.ts `asApp`), and
// Message Center's MESSAGE_CENTER_POLICIES (messageCenter.ts). The scheduler needs only outbound
// access to /api/scheduler/* (VTEX's scheduler is called like any Janus API, with the app's token).
// Then: every needed policy is declared, and every declared policy is needed (least privilege).
// dev/test/manifest-policies.test.ts is the runtime counterpart: it removes each policy and
// expects the feature that needs it to fail visibly.
import { readFileSync } from 'fs'
import { join } from 'path'

import type * as TS from 'typescript'

import { outboundAllowed } from '../platform/outbound'
import type { ReleaseContext, Step, StepResult } from './context'

/** IO infra clients and the policy each needs (VTEX: an app using VBase declares vbase-read-write). */
export const INFRA_POLICIES: Record<string, string> = {
  VBase: 'vbase-read-write',
}

const ENDPOINT = /^(GET|POST|PUT|PATCH|DELETE|HEAD) (\/\S*)$/
const SAMPLE_ACCOUNT = 'sampleaccount'

interface Need {
  policy: string
  because: string
  licenseManager?: boolean
}

const policyId = (p: { name: string; attrs?: Record<string, string> }) =>
  p.name === 'outbound-access'
    ? `outbound-access ${p.attrs?.host}${p.attrs?.path ?? '/*'}`
    : p.name

const normalise = (path: string) =>
  path
    .split('?')[0]
    .replace(/\$\{[^}]*\}|\{[^}]*\}/g, '{}')
    .replace(/\/$/, '')

/** String and template literals of a module that look like API paths. */
function apiLiterals(ts: typeof TS, file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true
  )

  const out: string[] = []
  const visit = (n: TS.Node) => {
    if (ts.isStringLiteralLike(n) && n.text.startsWith('/api/'))
      out.push(n.text)
    else if (ts.isTemplateExpression(n) && n.head.text.startsWith('/api/'))
      out.push(n.getText().slice(1, -1))
    ts.forEachChild(n, visit)
  }

  visit(source)

  return out
}

function hostOf(url: string): string {
  return new URL(url.replace('{{account}}', SAMPLE_ACCOUNT)).host.replace(
    SAMPLE_ACCOUNT,
    '{{account}}'
  )
}

async function run(ctx: ReleaseContext): Promise<StepResult> {
  const stage = ctx.stage()
  const nodeDir = join(stage, 'node')
  const problems: string[] = []
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ts = require('typescript') as typeof TS
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const api = require(require.resolve('@vtex/api', {
    paths: [nodeDir],
  })) as Record<string, new (...a: never[]) => unknown>

  const context = {
    account: '{{account}}',
    workspace: 'master',
    authToken: 'release-check',
    userAgent: 'release-check',
    region: 'aws-us-east-1',
    production: true,
    route: { id: 'release-check', params: {} },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  }

  // every client module, with its exports (classes and endpoint tables)
  const modules = new Map<string, Record<string, unknown>>()

  for (const file of ctx.uploaded('node/clients/', /\.ts$/))
    modules.set(
      file,
      (await import(join(stage, file))) as Record<string, unknown>
    )
  const moduleOf = (ctor: unknown) =>
    [...modules].find(([, exports]) => Object.values(exports).includes(ctor))

  const index = modules.get('node/clients/index.ts')
  const Clients = index?.Clients as
    | (new (config: object, ctx: object) => Record<string, unknown>)
    | undefined

  if (!Clients)
    return {
      summary: [],
      problems: [
        'node/clients/index.ts exports no Clients class: the release check reads the clients from it',
      ],
    }
  const clients = new Clients({}, context)
  const getters = Object.entries(
    Object.getOwnPropertyDescriptors(Clients.prototype)
  )
    .filter(([, d]) => d.get)
    .map(([name]) => name)

  // clients the code reaches through ctx.clients must be ours
  for (const file of ctx.uploaded('node/', /\.ts$/)) {
    for (const m of readFileSync(join(stage, file), 'utf8').matchAll(
      /\bclients\.(\w+)/g
    )) {
      if (!getters.includes(m[1]))
        problems.push(
          `${file} uses ctx.clients.${m[1]}, which node/clients/index.ts does not define: add it there so its policies are checked (or add its policy to INFRA_POLICIES in dev/release/policies.ts)`
        )
    }
  }

  const needs: Need[] = []
  const outbound: Array<{
    host: string
    path: string
    shown: string
    because: string
  }> = []

  let endpoints = 0

  for (const name of getters) {
    // IOClient keeps its options; ExternalClient (and so JanusClient) puts its base URL there
    const client = clients[name] as {
      constructor: { name: string }
      options?: { baseURL?: string }
      origin?: string
      scriptHosts?: string[]
    }

    const className = client.constructor.name
    const infra = Object.keys(INFRA_POLICIES).find(
      (k) => api[k] && client instanceof api[k]
    )

    if (infra) {
      needs.push({
        policy: INFRA_POLICIES[infra],
        because: `${className} (${infra}, an IO infra client)`,
      })
      continue
    }

    if (api.InfraClient && client instanceof api.InfraClient) {
      problems.push(
        `client ${name} (${className}) is an IO infra client with no known policy: add it to INFRA_POLICIES in dev/release/policies.ts`
      )
      continue
    }

    const found = moduleOf(client.constructor)
    const baseUrl = client.options?.baseURL

    if (!found || !baseUrl || !/^https?:\/\//.test(baseUrl)) {
      problems.push(
        `client ${name} (${className}): cannot read its module or base URL`
      )
      continue
    }

    const [file, exports] = found

    if (api.JanusClient && client instanceof api.JanusClient) {
      const host = hostOf(baseUrl)
      const table = Object.entries(exports).flatMap(([tableName, v]) =>
        v &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        Object.values(v).length &&
        Object.values(v).every((e) => typeof e === 'string' && ENDPOINT.test(e))
          ? Object.values(v as Record<string, string>).map((e) => ({
              tableName,
              endpoint: e,
            }))
          : []
      )

      if (!table.length) {
        problems.push(
          `${file}: ${className} exports no endpoint table ({ name: 'METHOD /api/…' }): declare the endpoints it calls so their policies can be checked`
        )
        continue
      }

      const paths = new Set(
        table.map((t) => normalise(ENDPOINT.exec(t.endpoint)![2]))
      )

      for (const literal of apiLiterals(ts, join(stage, file))) {
        if (!paths.has(normalise(literal)))
          problems.push(
            `${file} calls ${literal}, which is in none of its endpoint tables (${[
              ...new Set(table.map((t) => t.tableName)),
            ].join(', ')}): add it, so its policy is checked`
          )
      }

      for (const { tableName, endpoint } of table) {
        endpoints++
        const shown = ENDPOINT.exec(endpoint)![2]

        outbound.push({
          host,
          path: shown.replace(/\{[^}]*\}/g, 'x'),
          shown,
          because: `${className} ${endpoint}`,
        })
        const resourceFor = exports.RESOURCE_FOR as
          | Record<string, Array<{ key: string; name: string }>>
          | undefined

        const requirement = resourceFor?.[endpoint]

        if (requirement)
          needs.push({
            policy: requirement[0].key,
            because: `${className} ${endpoint} (VTEX requires "${requirement[0].name}"; the daily scan calls it with the app's own token)`,
            licenseManager: true,
          })
        const mcPolicies = (
          exports.MESSAGE_CENTER_POLICIES as
            | Record<string, string[]>
            | undefined
        )?.[endpoint]

        for (const policy of mcPolicies ?? [])
          needs.push({ policy, because: `${className} ${endpoint}` })
        if (tableName === 'MESSAGE_CENTER' && !mcPolicies)
          problems.push(
            `${file}: MESSAGE_CENTER_POLICIES has no entry for ${endpoint}: say which policies it needs`
          )
      }
    } else {
      const hosts =
        client.origin || client.scriptHosts
          ? [
              ...(client.origin ? [hostOf(client.origin)] : []),
              ...(client.scriptHosts ?? []),
            ]
          : [hostOf(baseUrl)]

      for (const host of new Set(hosts)) {
        endpoints++
        outbound.push({
          host,
          path: '/any/page',
          shown: '/*',
          because: `${className} GET ${host}/* (pages and scripts the exposure scan reads)`,
        })
      }
    }
  }

  const declared = ctx.manifest.policies ?? []
  const used = new Set<string>()

  for (const call of outbound) {
    const covering = declared.filter(
      (p) =>
        p.name === 'outbound-access' &&
        p.attrs?.host &&
        outboundAllowed(
          [{ host: p.attrs.host, path: p.attrs.path ?? '/*' }],
          SAMPLE_ACCOUNT,
          call.host.replace('{{account}}', SAMPLE_ACCOUNT),
          call.path
        )
    )

    if (!covering.length)
      problems.push(
        `${call.because} reaches ${call.host}${call.shown}, which no outbound-access policy of manifest.json allows: add { "name": "outbound-access", "attrs": { "host": "${call.host}", "path": "…" } }`
      )
    covering.forEach((p) => used.add(policyId(p)))
  }

  const declaredNames = new Set(
    declared.filter((p) => p.name !== 'outbound-access').map((p) => p.name)
  )

  for (const need of needs) {
    if (!declaredNames.has(need.policy))
      problems.push(
        `manifest.json lacks the policy ${need.policy}, which ${need.because} needs: add { "name": "${need.policy}" }`
      )
    used.add(need.policy)
  }

  for (const p of declared) {
    const id = policyId(p)

    if (!used.has(id))
      problems.push(
        `manifest.json declares ${id}, but no client calls for it (least privilege): remove it, or declare the call that needs it in its client's table`
      )
  }

  const lm = needs
    .filter((n) => n.licenseManager)
    .map((n) => `${n.policy} ← ${n.because}`)

  return {
    summary: [
      `${getters.length} clients, ${endpoints} endpoints/hosts; ${
        declared.length
      } policies declared, each needed: ${
        declared.filter((p) => p.name === 'outbound-access').length
      } outbound-access, ${[...declaredNames].join(', ')}`,
      ...lm,
    ],
    problems,
  }
}

export const policiesStep: Step = {
  id: 6,
  title: 'policies cover the calls (and nothing more)',
  run,
}

// Step 5: the admin and messages builders.
// Admin: a sidebar link of admin/navigation.json is the Admin's URL, `/admin/<route>`, and the
// page it opens is the route `/admin/app/<route>` of admin/routes.json (the Admin frames
// /admin/app/… itself); so every link `/admin/X` needs a route `/admin/app/X`.
// Messages: every id the code uses (react/ and node/, found by message-ids.ts, plus the labels of
// navigation.json) must be in messages/en.json, pt.json, es.json and context.json, with the same
// ICU placeholders in the three languages (parsed with intl-messageformat-parser, the parser
// react-intl uses), and no file may hold an id nothing uses. node/ words its findings with
// `finding.<rule>.message` of messages/ (node/domain/messages.ts, services/wording.ts): every
// rule has one in en, pt and es, and none is left for a rule that is gone.
import { join, relative } from 'path'

import type * as TS from 'typescript'

import type { ReleaseContext, Step, StepResult } from './context'
import { readJson } from './context'
import { generate } from '../codegen/generate'
import { findMessageIds } from './message-ids'
import { builderTypeScript, nodeProgram } from './node-builder'

const LANGUAGES = ['en', 'pt', 'es'] as const
const FILES = [...LANGUAGES, 'context'] as const

interface NavBlock {
  titleId?: string
  subSectionItems?: Array<{ path: string; labelId?: string; id?: string }>
}

function checkAdmin(
  stage: string,
  problems: string[]
): { links: number; routes: number; ids: Map<string, string> } {
  const nav = readJson<NavBlock | NavBlock[]>(
    join(stage, 'admin', 'navigation.json')
  )

  const routes = readJson<Record<string, { path?: string }>>(
    join(stage, 'admin', 'routes.json')
  )

  const routePaths = new Set(Object.values(routes).map((r) => r.path))

  for (const [id, r] of Object.entries(routes)) {
    if (!r.path?.startsWith('/admin/app/'))
      problems.push(
        `admin/routes.json route "${id}" has path ${r.path}: Admin routes live under /admin/app/`
      )
  }

  const ids = new Map<string, string>()
  let links = 0

  for (const block of Array.isArray(nav) ? nav : [nav]) {
    if (block.titleId) ids.set(block.titleId, 'admin/navigation.json')
    for (const item of block.subSectionItems ?? []) {
      links++
      if (item.labelId) ids.set(item.labelId, 'admin/navigation.json')
      const link = item.path

      if (link.startsWith('/admin/app/')) {
        problems.push(
          `admin/navigation.json sidebar link ${link} is written as a route: the Admin adds /app itself, so write ${link.replace(
            '/admin/app/',
            '/admin/'
          )}`
        )
      } else if (!/^\/admin\/[^/]/.test(link)) {
        problems.push(
          `admin/navigation.json sidebar link ${link} is not an Admin path (/admin/<route>)`
        )
      } else if (!routePaths.has(link.replace(/^\/admin\//, '/admin/app/'))) {
        problems.push(
          `admin/navigation.json sidebar link ${link} has no route ${link.replace(
            /^\/admin\//,
            '/admin/app/'
          )} in admin/routes.json: add the route or fix the link`
        )
      }
    }
  }

  return { links, routes: routePaths.size, ids }
}

type IcuElement = {
  type: number
  value: string
  options?: Record<string, { value: IcuElement[] }>
}
const ICU_KIND = [
  'literal',
  'argument',
  'number',
  'date',
  'time',
  'select',
  'plural',
  'pound',
]

function placeholders(
  elements: IcuElement[],
  out = new Set<string>()
): Set<string> {
  for (const e of elements) {
    if (e.type === 0 || e.type === 7) continue
    out.add(`{${e.value}${e.type === 1 ? '' : `, ${ICU_KIND[e.type]}`}}`)
    for (const o of Object.values(e.options ?? {})) placeholders(o.value, out)
  }

  return out
}

/** react/ as a program, for its types only (the react builder's own compile is not reproduced). */
function reactProgram(stage: string): TS.Program {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ts = require('typescript') as typeof TS
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(stage, 'react', 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined }
  )

  return ts.createProgram(parsed?.fileNames ?? [], {
    ...(parsed?.options ?? {}),
    noEmit: true,
  })
}

/**
 * The few properties that react/ types as plain `string` but builds message ids from, by where
 * they are declared, with where their values really come from (read from there on every run).
 * An entry nothing needs any more is reported, so the table cannot silently grow stale.
 */
export const DYNAMIC_IDS: Record<
  string,
  {
    from: string
    values: (ctx: ReleaseContext) => string[] | Promise<string[]>
  }
> = {
  // ChecklistItem.evidence.id, declared in the generated result of react/admin/graphql/review.gql
  // (react/admin/Review/types.ts aliases it); the schema says String!: the ids are the ones node/ produces
  'KeyStewardReviewQuery.review.checklist.evidence.id': {
    from: 'node/domain/review/checklist.ts evidenceFor(), run for every practice with no leak scan, a complete one and an incomplete one, and with the count now',
    values: async (ctx) => {
      const stage = ctx.stage()
      const { evidenceFor } = (await import(
        join(stage, 'node', 'domain', 'review', 'checklist.ts')
      )) as {
        evidenceFor: (
          p: string,
          e: Record<string, unknown>
        ) => Array<{ id: string }>
      }

      const { PRACTICES } = (await import(
        join(stage, 'node', 'domain', 'findings.ts')
      )) as { PRACTICES: readonly string[] }

      const zero = {
        activeKeys: 0,
        activeWithinRotation: 0,
        rotationDays: 90,
        unfinishedRenewals: 0,
        keysHighOrWorse: 0,
        ownerUsers: 0,
        maxOwnerUsers: 1,
        keysWithoutOwner: 0,
        genericLabels: 0,
        duplicateLabels: 0,
        sharedKeys: 0,
        inventoryComplete: true,
      }

      const evidence = [
        { ...zero, leakScan: null },
        { ...zero, leakScan: { at: '2026-01-01T00:00:00Z', exposedKeys: 0 } },
        {
          ...zero,
          leakScan: {
            at: '2026-01-01T00:00:00Z',
            exposedKeys: 0,
            complete: false,
            unreadCount: 1,
          },
        },
        // an open review as read (or one signed since): the HIGH/CRITICAL count now beside the start's
        { ...zero, leakScan: null, keysHighOrWorseNow: 0 },
      ]

      return [
        ...new Set(
          PRACTICES.flatMap((p) =>
            evidence.flatMap((e) => evidenceFor(p, e).map((line) => line.id))
          )
        ),
      ]
    },
  },
}

/** Every rule's findings have their message (`finding.<rule>.message`) in en, pt and es, and no such message outlives its rule. */
async function checkNodeFindingMessages(
  stage: string,
  files: Record<string, Record<string, string>>,
  prefix: string,
  problems: string[]
): Promise<number> {
  const rules = (await import(
    join(stage, 'node', 'domain', 'rules', 'index.ts')
  )) as { RULE_IDS: string[] }

  const { findingMessageId } = (await import(
    join(stage, 'node', 'domain', 'messages.ts')
  )) as { findingMessageId: (rule: string) => string }

  const ids = new Set(rules.RULE_IDS.map((r) => prefix + findingMessageId(r)))

  for (const rule of rules.RULE_IDS) {
    for (const lang of LANGUAGES) {
      if (typeof files[lang][prefix + findingMessageId(rule)] !== 'string')
        problems.push(
          `messages/${lang}.json has no message ${
            prefix + findingMessageId(rule)
          } for rule ${rule} of node/domain/rules: add one`
        )
    }
  }

  const pattern = prefix + findingMessageId('RULE')
  const [head, tail] = pattern.split('RULE')

  for (const id of Object.keys(files.en)) {
    if (id.startsWith(head) && id.endsWith(tail) && !ids.has(id))
      problems.push(
        `messages/en.json has ${id}, but no rule of node/domain/rules has that id: remove it`
      )
  }

  return rules.RULE_IDS.length
}

async function run(ctx: ReleaseContext): Promise<StepResult> {
  const stage = ctx.stage()
  const problems: string[] = []

  // VTEX's builders compile the committed generated types; the message ids below are read from
  // them too (enum-typed fields), so they must be what graphql/, the .gql documents and the rule
  // registry make now. The copy is regenerated and each file that changed is a problem.
  const stale = await generate(stage)

  for (const file of stale)
    problems.push(
      `${file} is not what dev/codegen/generate.ts makes of graphql/, react/admin/graphql/*.gql, node/domain/rules and messages/: run npm run build (it regenerates) and commit it`
    )
  const admin = checkAdmin(stage, problems)

  const prefix = `admin/${ctx.manifest.name}.`
  const used = new Map(admin.ids)
  const known = new Map<string, string[]>()

  for (const [key, entry] of Object.entries(DYNAMIC_IDS)) {
    try {
      known.set(key, await entry.values(ctx))
    } catch (e) {
      problems.push(
        `dev/release/admin-messages.ts DYNAMIC_IDS ${key}: cannot read its values from ${
          entry.from
        }: ${(e as Error).message}`
      )
    }
  }

  const knownUsed = new Set<string>()
  const rel = (f: string) => relative(stage, f)
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const latest = require('typescript') as typeof TS

  for (const [folder, ts, make] of [
    ['react/', latest, () => reactProgram(stage)],
    ['node/', builderTypeScript(), () => nodeProgram(ctx).program],
  ] as const) {
    const files = new Set(
      ctx
        .uploaded(folder, /\.tsx?$/)
        .filter((f) => !f.endsWith('.d.ts'))
        .map((f) => join(stage, f))
    )

    const found = findMessageIds(
      ts,
      make,
      files,
      prefix,
      rel,
      (key) => known.get(key) ?? null
    )

    for (const [id, where] of found.ids) if (!used.has(id)) used.set(id, where)
    found.knownUsed.forEach((k) => knownUsed.add(k))
    for (const u of found.unresolved) {
      problems.push(
        `${u.where}: message id \`${u.pattern}\` is built from ${u.part}, whose values cannot be read from the code: type it as a union of string literals or pass literals (or, if it is a property typed string, add its declaration to DYNAMIC_IDS in dev/release/admin-messages.ts with where its values come from)`
      )
    }
  }

  for (const key of Object.keys(DYNAMIC_IDS)) {
    if (known.has(key) && !knownUsed.has(key))
      problems.push(
        `dev/release/admin-messages.ts DYNAMIC_IDS ${key}: no message id is built from it any more: remove the entry`
      )
  }

  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { parse } = require(require.resolve('intl-messageformat-parser', {
    paths: [join(stage, 'react')],
  })) as { parse(m: string): IcuElement[] }

  const files = Object.fromEntries(
    FILES.map((f) => [
      f,
      readJson<Record<string, string>>(join(stage, 'messages', `${f}.json`)),
    ])
  ) as Record<(typeof FILES)[number], Record<string, string>>

  for (const [id, where] of [...used].sort()) {
    const missing = FILES.filter(
      (f) => typeof files[f][id] !== 'string' || !files[f][id].trim()
    )

    if (missing.length)
      problems.push(
        `${where} uses message ${id}, missing from ${missing
          .map((f) => `messages/${f}.json`)
          .join(', ')}: add it`
      )
  }

  for (const id of [
    ...new Set(FILES.flatMap((f) => Object.keys(files[f]))),
  ].sort()) {
    if (!used.has(id))
      problems.push(
        `${id} is in ${FILES.filter((f) => id in files[f])
          .map((f) => `messages/${f}.json`)
          .join(', ')}, but no code uses it: remove it (or use it)`
      )
  }

  for (const id of Object.keys(files.en)) {
    const shape: Partial<Record<string, string>> = {}

    for (const lang of LANGUAGES) {
      const text = files[lang][id]

      if (typeof text !== 'string') continue
      try {
        shape[lang] =
          [...placeholders(parse(text))].sort().join(' ') || '(none)'
      } catch (e) {
        problems.push(
          `messages/${lang}.json ${id} is not a valid ICU message: ${
            (e as Error).message
          }`
        )
      }
    }

    for (const lang of LANGUAGES.slice(1)) {
      if (
        shape.en !== undefined &&
        shape[lang] !== undefined &&
        shape[lang] !== shape.en
      )
        problems.push(
          `messages/${lang}.json ${id} has placeholders ${shape[lang]}, en.json has ${shape.en}: use the same ones`
        )
    }
  }

  const rules = await checkNodeFindingMessages(stage, files, prefix, problems)

  return {
    summary: [
      stale.length
        ? `generated types (dev/codegen): ${stale.length} stale`
        : 'generated types (dev/codegen): what graphql/, the .gql documents and the rule registry make',
      `${admin.links} sidebar links ↔ ${admin.routes} routes (/admin/<route> ↔ /admin/app/<route>)`,
      `${used.size} message ids used (react/, node/, navigation.json), ${
        Object.keys(files.en).length
      } in en.json; checked: each used id in ${FILES.map(
        (f) => `${f}.json`
      ).join(
        ', '
      )}, no id unused, the same ICU placeholders in ${LANGUAGES.join(', ')}`,
      `ids built from values typed string, read from: ${
        [...knownUsed].map((k) => `${k} ← ${DYNAMIC_IDS[k].from}`).join('; ') ||
        'none'
      }`,
      `finding messages: ${rules} rules × ${LANGUAGES.length} languages in messages/`,
    ],
    problems,
  }
}

export const adminMessagesStep: Step = {
  id: 5,
  title: 'admin and messages builders',
  run,
}

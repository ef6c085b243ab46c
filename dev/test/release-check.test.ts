// The release check itself (dev/release/): in a scratch copy of the repository, break each of its
// seven points and expect `check:release` to fail naming what to fix, and nothing else. One copy
// serves every case (node/ and react/ node_modules linked, not copied); each case restores what
// it changed. Each run checks only the step it breaks (step 1 always runs), so every case is also
// a clean run of the other problems of that step.
import assert from 'node:assert/strict'
import { execFile, execFileSync } from 'node:child_process'
import { after, before, describe, it } from 'node:test'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'fs'
import { tmpdir } from 'os'
import { dirname, join } from 'path'

import { ROOT } from '../paths'

const CHECK = join(ROOT, 'dev', 'release', 'index.ts')
const SET_VENDOR = join(ROOT, 'dev', 'release', 'set-vendor.ts')
let copy = ''

before(() => {
  copy = mkdtempSync(join(tmpdir(), 'key-steward-release-test-'))
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: ROOT, encoding: 'utf8' }
  )
    .split('\0')
    .filter((f) => f && existsSync(join(ROOT, f)))

  for (const f of files) {
    mkdirSync(dirname(join(copy, f)), { recursive: true })
    copyFileSync(join(ROOT, f), join(copy, f))
  }

  for (const pkg of ['node', 'react'])
    symlinkSync(
      join(ROOT, pkg, 'node_modules'),
      join(copy, pkg, 'node_modules'),
      'dir'
    )
})

after(() => {
  if (copy) rmSync(copy, { recursive: true, force: true })
})

function run(
  script: string,
  args: string[]
): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
          out: `${stdout}${stderr}`,
        })
      }
    )
  })
}

const check = (steps: number[]) =>
  run(CHECK, ['--root', copy, '--only', steps.join(',')])

/** Applies edits to files of the copy ('keep': only saved, for fn to change), runs fn, restores every file. */
async function withChanges(
  edits: Record<string, ((text: string) => string) | 'keep'>,
  fn: () => Promise<void>
): Promise<void> {
  const saved = new Map<string, string>()

  try {
    for (const [file, edit] of Object.entries(edits)) {
      const path = join(copy, file)
      const text = readFileSync(path, 'utf8')

      saved.set(file, text)
      if (edit !== 'keep') {
        const next = edit(text)

        assert.notEqual(next, text, `the edit of ${file} changes it`)
        writeFileSync(path, next)
      }
    }

    await fn()
  } finally {
    for (const [file, text] of saved) writeFileSync(join(copy, file), text)
  }
}

/** The run failed, every expected problem was reported, and no other. */
function assertProblems(
  res: { code: number; out: string },
  expected: RegExp[]
): void {
  assert.equal(res.code, 1, res.out)
  const problems = res.out
    .split('\n')
    .filter((l) => /^\s+✖ /.test(l))
    .map((l) => l.replace(/^\s+✖ /, ''))

  for (const re of expected)
    assert.ok(
      problems.some((p) => re.test(p)),
      `expected a problem matching ${re}:\n${res.out}`
    )
  for (const p of problems)
    assert.ok(
      expected.some((re) => re.test(p)),
      `unexpected problem: ${p}\n${res.out}`
    )
}

const json = (edit: (value: any) => void) => (text: string) => {
  const value = JSON.parse(text)

  edit(value)

  return `${JSON.stringify(value, null, 2)}\n`
}

const replaceOnce = (from: string | RegExp, to: string) => (text: string) =>
  text.replace(from, to)

describe(
  'check:release fails, naming the fix, when',
  { timeout: 180_000 },
  () => {
    it('1. the upload set lets test support in, or misses a builder folder', () =>
      withChanges(
        { '.vtexignore': (t) => `${t.replace('**/testing/\n', '')}docs/\n` },
        async () => {
          assertProblems(await check([1]), [
            /^node\/domain\/testing\/build\.ts would be uploaded, but it is test support: add a pattern for it to \.vtexignore$/,
            /^(node\/domain|react\/admin)(\/\w+)*\/testing\/[\w.]+\.tsx? would be uploaded, but it is test support/,
            /^manifest\.json declares the docs builder, but no file of docs\/ would be uploaded: check \.vtexignore$/,
          ])
        }
      ))

    it('2. node/ does not compile with the node builder’s TypeScript', () =>
      withChanges(
        {
          'node/clock.ts': (t) =>
            `${t}\nexport const broken: number = 'not a number'\n`,
        },
        async () => {
          assertProblems(await check([2]), [
            /^node\/clock\.ts:\d+:\d+ TS2322: Type 'string' is not assignable to type 'number'\.$/,
          ])
        }
      ))

    it('3. a .gql asks for a field the schema lacks, or a root field is not routed to the app', () =>
      withChanges(
        {
          'react/admin/graphql/inventory.gql': replaceOnce(
            /\n(\s+)generatedAt\n/,
            '\n$1generatedAtt\n'
          ),
          'react/admin/graphql/changes.gql': replaceOnce(
            ' @context(provider: "yourvendor.key-steward")',
            ''
          ),
        },
        async () => {
          assertProblems(await check([3]), [
            /^react\/admin\/graphql\/inventory\.gql:\d+:\d+: Cannot query field "generatedAtt" on type "Inventory"/,
            /^react\/admin\/graphql\/changes\.gql:2: root field "changes" has no @context\(provider: "yourvendor\.key-steward"\): add it/,
          ])
        }
      ))

    it('4. a route names a missing component, or a page would bundle an undeclared npm package', () =>
      withChanges(
        {
          'admin/routes.json': json((r) => {
            r['admin.app.key-steward-users'].component = 'KeyStewardMissing'
          }),
          'react/KeyStewardKeys.tsx': (t) => `import 'graphql-tag'\n${t}`,
        },
        async () => {
          assertProblems(await check([4]), [
            /^admin\/routes\.json route "admin\.app\.key-steward-users" names component "KeyStewardMissing", but no react\/KeyStewardMissing\.tsx would be uploaded/,
            /^react\/KeyStewardKeys\.tsx imports graphql-tag, which the react builder would bundle, but react\/package\.json does not declare it in dependencies/,
          ])
        }
      ))

    it('5. a sidebar link, a message id, a placeholder or an unused id is wrong', () =>
      withChanges(
        {
          'admin/navigation.json': json((n) => {
            n.subSectionItems[1].path = '/admin/app/key-steward/keys'
            n.subSectionItems[2].path = '/admin/key-steward/nowhere'
          }),
          ...Object.fromEntries(
            ['en', 'pt', 'es', 'context'].map(
              (l) =>
                [
                  `messages/${l}.json`,
                  json((m) => {
                    m['admin/key-steward.unused.example'] = 'x'
                    if (l !== 'pt') return
                    delete m['admin/key-steward.overview.title']
                    m['admin/key-steward.error.forbidden'] =
                      'Faltam estes recursos: {recursos}.'
                  }),
                ] as const
            )
          ),
          // a value the code builds an id from (GraphQL enum ScanProblem) without its message
          'graphql/types/reminders.graphql': replaceOnce(
            '  UNEXPECTED\n',
            '  UNEXPECTED\n  CLOCK_SKEW\n'
          ),
        },
        async () => {
          assertProblems(await check([5]), [
            /^admin\/navigation\.json sidebar link \/admin\/app\/key-steward\/keys is written as a route: the Admin adds \/app itself, so write \/admin\/key-steward\/keys$/,
            /^admin\/navigation\.json sidebar link \/admin\/key-steward\/nowhere has no route \/admin\/app\/key-steward\/nowhere in admin\/routes\.json/,
            /^react\/admin\/Overview\/OverviewPage\.tsx:\d+ uses message admin\/key-steward\.overview\.title, missing from messages\/pt\.json: add it$/,
            /^messages\/pt\.json admin\/key-steward\.error\.forbidden has placeholders \{recursos\}, en\.json has \{count, plural\} \{resources\}: use the same ones$/,
            /^admin\/key-steward\.unused\.example is in messages\/en\.json, messages\/pt\.json, messages\/es\.json, messages\/context\.json, but no code uses it: remove it/,
            /^react\/admin\/Settings\/DailyScanPanel\.tsx:\d+ uses message admin\/key-steward\.dailyScan\.problem\.CLOCK_SKEW, missing from messages\/en\.json, messages\/pt\.json, messages\/es\.json, messages\/context\.json/,
            // the new enum value reaches the admin's types only through the generated ones
            /^react\/admin\/graphql\/types\.generated\.ts is not what dev\/codegen\/generate\.ts makes of graphql\/.*: run npm run build \(it regenerates\) and commit it$/,
            /^node\/generated\/schema\.ts is not what dev\/codegen\/generate\.ts makes of graphql\/.*: run npm run build \(it regenerates\) and commit it$/,
          ])
        }
      ))

    it('6. a policy a client needs is missing, a policy has no caller, or a client calls an undeclared endpoint', () =>
      withChanges(
        {
          'manifest.json': json((m) => {
            m.policies = m.policies.filter(
              (p: { name: string; attrs?: { path?: string } }) =>
                p.name !== 'send-message' &&
                p.attrs?.path !== '/api/scheduler/*'
            )
            m.policies.push({ name: 'colossus-fire-event' })
          }),
          'node/clients/vtexId.ts': (t) =>
            `${t}\nexport const SESSION_PATH = '/api/vtexid/pub/authenticated/user'\n`,
        },
        async () => {
          assertProblems(await check([6]), [
            /^manifest\.json lacks the policy send-message, which MessageCenter POST \/api\/mail-service\/pvt\/sendmail needs: add \{ "name": "send-message" \}$/,
            /^Scheduler (POST|GET|DELETE) \/api\/scheduler\/\{workspace\}\/\{app\}(\/\{id\})? reaches portal\.vtexcommercestable\.com\.br\/api\/scheduler\/.*, which no outbound-access policy of manifest\.json allows/,
            /^manifest\.json declares colossus-fire-event, but no client calls for it \(least privilege\): remove it/,
            /^node\/clients\/vtexId\.ts calls \/api\/vtexid\/pub\/authenticated\/user, which is in none of its endpoint tables \(VTEX_ID\): add it/,
          ])
        }
      ))

    it('7. the vendors are mixed, or the vendor is not a valid VTEX vendor', () =>
      withChanges(
        {
          'react/admin/graphql/changes.gql': replaceOnce(
            'yourvendor.key-steward',
            'othervendor.key-steward'
          ),
          'react/admin/graphql/review.gql': replaceOnce(
            'yourvendor.key-steward',
            'othervendor.key-steward'
          ),
        },
        async () => {
          assertProblems(await check([7]), [
            /^more than one vendor: "yourvendor" in manifest\.json, react\/admin\/graphql\/\w+\.gql:\d+, .* and \d+ more; "othervendor" in react\/admin\/graphql\/changes\.gql:2, react\/admin\/graphql\/review\.gql:2: run npm run set-vendor -- <vendor> to use one$/,
          ])
          await withChanges(
            {
              'manifest.json': json((m) => {
                m.vendor = 'your vendor'
              }),
            },
            async () => {
              const res = await check([7])

              assert.match(
                res.out,
                /manifest\.json vendor "your vendor" may contain only letters, numbers, underscores and hyphens/
              )
            }
          )
        }
      ))
  }
)

describe('npm run set-vendor', { timeout: 180_000 }, () => {
  const gqls = execFileSync('git', ['ls-files', 'react'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f.endsWith('.gql'))

  it('refuses a vendor VTEX would refuse, and changes nothing', async () => {
    const before = readFileSync(join(copy, 'manifest.json'), 'utf8')
    const res = await run(SET_VENDOR, ['--root', copy, 'Acme Store!'])

    assert.equal(res.code, 1)
    assert.match(
      res.out,
      /"Acme Store!" is not a valid vendor: it may contain only letters, numbers, underscores and hyphens/
    )
    assert.equal(readFileSync(join(copy, 'manifest.json'), 'utf8'), before)
  })

  it('sets the vendor in manifest.json and every @context provider, and the check passes (also after a mix)', () =>
    withChanges(
      {
        'manifest.json': (t) =>
          t.replace('"vendor": "yourvendor"', '"vendor": "placeholder"'),
        ...Object.fromEntries(gqls.map((f) => [f, 'keep' as const])),
        'react/admin/graphql/review.gql': replaceOnce(
          'yourvendor.key-steward',
          'othervendor.key-steward'
        ),
      },
      async () => {
        const res = await run(SET_VENDOR, ['--root', copy, 'acme'])

        assert.equal(res.code, 0, res.out)
        assert.match(res.out, /vendor placeholder → acme: \d+ files changed/)
        assert.equal(
          JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')).vendor,
          'acme'
        )
        for (const f of gqls)
          assert.doesNotMatch(
            readFileSync(join(copy, f), 'utf8'),
            /provider: "(?!acme\.key-steward")/,
            f
          )
        const checked = await check([3, 7])

        assert.equal(checked.code, 0, checked.out)
        assert.match(checked.out, /routed to acme\.key-steward/)
        assert.doesNotMatch(checked.out, /placeholder/)
      }
    ))
})

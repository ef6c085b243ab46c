// `npm run check:release`: does, offline, what VTEX's CLI and builders do with the app, and
// fails with what to fix. Steps (one file each): 1 upload set, 2 node builder, 3 graphql
// builder, 4 react builder, 5 admin and messages, 6 policies, 7 vendor.
//   --root DIR   check the app in DIR (tests check broken copies); default: this repository
//   --only 1,3   run only these steps (step 1 always runs: the others build from its upload set)
import { join, resolve } from 'path'

import { adminMessagesStep } from './admin-messages'
import type { Step, StepResult } from './context'
import { ReleaseContext } from './context'
import { graphqlBuilderStep } from './graphql-builder'
import { nodeBuilderStep } from './node-builder'
import { policiesStep } from './policies'
import { reactBuilderStep } from './react-builder'
import { uploadStep } from './upload'
import { vendorStep } from './vendor'

export const STEPS: Step[] = [
  uploadStep,
  nodeBuilderStep,
  graphqlBuilderStep,
  reactBuilderStep,
  adminMessagesStep,
  policiesStep,
  vendorStep,
]

export async function checkRelease(
  root: string,
  only?: number[]
): Promise<{
  ok: boolean
  results: Array<{ step: Step; result: StepResult; ms: number }>
}> {
  const ctx = new ReleaseContext(root)

  // @vtex/api reads the app's id once, when its modules load (VBase needs it): set it first.
  process.env.VTEX_APP_ID = `${ctx.appId}@${ctx.manifest.version}`
  const results: Array<{ step: Step; result: StepResult; ms: number }> = []

  try {
    for (const step of STEPS) {
      if (only && step.id !== 1 && !only.includes(step.id)) continue
      const started = Date.now()
      let result: StepResult

      try {
        result = await step.run(ctx)
      } catch (e) {
        result = {
          summary: [],
          problems: [`the check itself failed: ${(e as Error).stack ?? e}`],
        }
      }

      results.push({ step, result, ms: Date.now() - started })
    }
  } finally {
    ctx.dispose()
  }

  return { ok: results.every((r) => !r.result.problems.length), results }
}

async function main() {
  const args = process.argv.slice(2)
  const value = (flag: string) =>
    args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined

  const root = resolve(value('--root') ?? join(__dirname, '..', '..'))
  const only = value('--only')?.split(',').map(Number)
  const started = Date.now()
  const { ok, results } = await checkRelease(root, only)

  console.log(
    `Release check of ${
      root === resolve(join(__dirname, '..', '..')) ? 'this repository' : root
    } (what vtex link and VTEX's builders would do)`
  )
  for (const { step, result, ms } of results) {
    console.log(
      `${result.problems.length ? '✖' : '✔'} ${step.id}. ${step.title} (${(
        ms / 1000
      ).toFixed(1)} s)`
    )
    for (const line of result.summary) console.log(`    ${line}`)
    for (const line of result.notes ?? []) console.log(`    note: ${line}`)
    for (const line of result.problems) console.log(`    ✖ ${line}`)
  }

  const problems = results.reduce((n, r) => n + r.result.problems.length, 0)

  console.log(
    ok
      ? `Release check passed in ${((Date.now() - started) / 1000).toFixed(
          1
        )} s`
      : `Release check failed: ${problems} problem${
          problems === 1 ? '' : 's'
        } to fix (above)`
  )
  process.exitCode = ok ? 0 : 1
}

if (require.main === module)
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })

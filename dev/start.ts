// `npm start`: the platform with a fixture, the service, and the gateway on PORT.
import { mkdirSync, writeFileSync } from 'fs'
import { join } from 'path'

import { READ, SAVE_USER } from '../node/domain/resources'
import type { Requirement } from '../node/domain/resources'
import type { Fixture } from './platform/fixture'
import { DEFAULT_FIXTURE, ROOT } from './paths'
import { startStack } from './stack'

/** Who a session is: the user's name and the roles the fixture gives them. */
/** What a session may do in Key Steward, from its roles' resources (the app's own requirements). */
function canDo(fixture: Fixture, roleIds: number[]): string {
  const roles = roleIds
    .map((id) => fixture.roles.find((r) => r.id === id))
    .filter(Boolean)
  const names = new Set(roles.flatMap((r) => r?.resources ?? []))
  const holds = (r: Requirement) => r.some((x) => names.has(x.name))

  if (roles.some((r) => r?.isAdmin))
    return 'Owner admin: sees and does everything'
  const reads = READ.every(holds)
  const saves = holds(SAVE_USER)

  if (reads) return 'admin: reads the keys and manages them'
  if (saves)
    return 'holds Save user but not the user and role reads: the inventory pages refuse it'
  if (READ.some(holds))
    return 'read-only: without Save user VTEX lists no keys; name it an auditor to let it read completed reviews'

  return 'a user without rights in Key Steward'
}

/** Who a session is: the user, their roles, and what that lets them do here. */
function whoIs(fixture: Fixture, email: string): string {
  const user = fixture.users.find((u) => u.email === email)

  if (!user) return email
  const ids = fixture.roleAssignments[user.id] ?? []
  const roles = ids.map(
    (id) => fixture.roles.find((r) => r.id === id)?.name ?? `role ${id}`
  )

  return `${email}, ${canDo(fixture, ids)} (${
    roles.length ? roles.join(', ') : 'no role'
  })`
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)

  if (i >= 0) return process.argv[i + 1]
  const eq = process.argv.find((a) => a.startsWith(`${name}=`))

  return eq?.slice(name.length + 1)
}

async function main() {
  const fixture = arg('--fixture') ?? process.env.FIXTURE ?? DEFAULT_FIXTURE
  const port = Number(arg('--port') ?? process.env.PORT ?? 3000)
  const clockOffsetDays = Number(arg('--advance-days') ?? 0)

  if (!Number.isFinite(clockOffsetDays) || clockOffsetDays < 0)
    throw new Error('--advance-days takes a number of days (0 or more)')
  const verbose = process.argv.includes('--verbose')
  // The service's own log lines go to a file unless --verbose: the last screen is what to open.
  const logFile = join(ROOT, 'dev', 'artifacts', 'service.log')

  if (!verbose) {
    mkdirSync(join(ROOT, 'dev', 'artifacts'), { recursive: true })
    writeFileSync(logFile, '')
  }

  const stack = await startStack({
    fixture,
    port,
    echoLogs: verbose,
    logFile: verbose ? undefined : logFile,
    clockOffsetDays,
  })

  const sessions = Object.entries(stack.fixture.sessions)

  console.log(`
Key Steward is running on the local VTEX platform (account "${
    stack.fixture.account
  }", fixture ${fixture}).

  Open the Admin:  ${stack.url}/admin/key-steward?session=${
    sessions[0]?.[0] ?? '<session>'
  }&locale=en
                   (?session= picks who you are, ?locale=en|pt|es the language; both are remembered.
                   The page alone, without the Admin's frame: ${
                     stack.url
                   }/admin/app/key-steward)
  GraphQL:         POST ${
    stack.url
  }/_v/graphql   (cookie VtexIdclientAutCookie=<session>)
  Service log:     ${
    verbose
      ? 'below (--verbose)'
      : `${logFile} (npm start -- --verbose prints it here)`
  }

Sessions (?session= values):
${sessions
  .map(
    ([cookie, email]) => `  ${cookie.padEnd(28)} ${whoIs(stack.fixture, email)}`
  )
  .join('\n')}

Try:
  curl -s ${stack.url}/_v/graphql -H 'content-type: application/json' \\
    --cookie 'VtexIdclientAutCookie=${sessions[0]?.[0] ?? '<session>'}' \\
    -d '{"query":"{ inventory { complete keys { label ageDays roles { name } } } }"}'

Local VTEX platform: ${stack.platform.url}
  clock ${stack.platform.state
    .now()
    .toISOString()}: move it with (fires the daily scan once an admin has opened Key Steward)
    curl -s -X POST ${
      stack.platform.url
    }/_platform/clock -d '{"days":100}'   (or npm start -- --advance-days 100)
  slow or failing VTEX: curl -s -X PUT ${
    stack.platform.url
  }/_platform/faults -d '{"latencyMs":40}'
  e-mails sent: ${stack.platform.url}/_platform/outbox

Press Ctrl-C to stop.`)
  let stopping = false
  const shutdown = async (code = 0) => {
    if (stopping) return
    stopping = true
    console.log('\nStopping…')
    await stack.stop()
    process.exit(code)
  }

  process.on('SIGINT', () => shutdown())
  process.on('SIGTERM', () => shutdown())
  // If the service dies, say so and stop the rest instead of serving errors.
  stack.serviceExited.then((how) => {
    if (stopping) return
    console.error(`\nThe Key Steward service stopped (${how}).`)

    return shutdown(1)
  })
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})

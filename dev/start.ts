// `npm start`: the platform with a fixture, the service, and the gateway on PORT.
import { startStack } from './stack'
import { DEFAULT_FIXTURE } from './paths'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  if (i >= 0) return process.argv[i + 1]
  const eq = process.argv.find(a => a.startsWith(`${name}=`))
  return eq?.slice(name.length + 1)
}

async function main() {
  const fixture = arg('--fixture') ?? process.env.FIXTURE ?? DEFAULT_FIXTURE
  const port = Number(arg('--port') ?? process.env.PORT ?? 3000)
  const clockOffsetDays = Number(arg('--advance-days') ?? 0)
  if (!Number.isFinite(clockOffsetDays) || clockOffsetDays < 0) throw new Error('--advance-days takes a number of days (0 or more)')
  const stack = await startStack({ fixture, port, echoLogs: true, clockOffsetDays })
  const sessions = Object.entries(stack.fixture.sessions)
  console.log(`
Key Steward is running on the local VTEX platform (account "${stack.fixture.account}", fixture ${fixture}).

  Admin:    ${stack.url}/admin/key-steward   (the page alone, without the Admin: /admin/app/key-steward)
  GraphQL:  POST ${stack.url}/_v/graphql   (cookie VtexIdclientAutCookie=<session>)

Sessions of this fixture (VtexIdclientAutCookie values):
${sessions.map(([cookie, email]) => `  ${cookie.padEnd(28)} ${email}`).join('\n')}

Try:
  curl -s ${stack.url}/_v/graphql -H 'content-type: application/json' \\
    --cookie 'VtexIdclientAutCookie=${sessions[0]?.[0] ?? '<session>'}' \\
    -d '{"query":"{ inventory { complete keys { label ageDays roles { name } } } }"}'

Platform clock: ${stack.platform.state.now().toISOString()}. Move it forward (and fire the daily scan):
  curl -s -X POST ${stack.platform.url}/_platform/clock -d '{"days":100}'
or start with: npm start -- --advance-days 100

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
  stack.serviceExited.then(how => {
    if (stopping) return
    console.error(`\nThe Key Steward service stopped (${how}).`)
    return shutdown(1)
  })
}

main().catch(err => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})

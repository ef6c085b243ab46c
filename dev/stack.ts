// Starts the whole local setup: the platform (in this process), the service on the real
// @vtex/api runtime (a child process), and the gateway on PORT. Used by `npm start` and tests.
import type { ChildProcess } from 'child_process'
import { fork } from 'child_process'
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import type { IncomingMessage, ServerResponse } from 'http'

import type { FaultRule } from './platform/faults'
import type { Fixture } from './platform/fixture'
import { checkFixture, loadFixture } from './platform/fixture'
import { appResourcesFrom } from './platform/app-policies'
import { outboundPoliciesOf } from './platform/outbound'
import { Platform } from './platform/server'
import { Gateway } from './gateway/server'
import type { ShellMode } from './shell/build'
import { shellDist } from './shell/build'
import { shellRoutes } from './shell/serve'
import { DEFAULT_FIXTURE, MANIFEST, ROOT } from './paths'

export interface StackOptions {
  fixture?: string | Fixture
  port?: number
  faults?: FaultRule[]
  latencyMs?: number
  /** Echo service logs to this process's stdout (npm start --verbose) */
  echoLogs?: boolean
  /** Append service logs to this file (npm start without --verbose) */
  logFile?: string
  /** which build of the Admin shell to serve (bench:pages uses production; see shell/build.ts) */
  shell?: ShellMode
  extraRoutes?: (
    req: IncomingMessage,
    res: ServerResponse
  ) => boolean | Promise<boolean>
  /** start with the platform clock this many days after the fixture's `now` */
  clockOffsetDays?: number
  /** a manifest to enforce instead of manifest.json (tests remove policies from a copy) */
  manifest?: Manifest
}

export interface Stack {
  url: string
  fixture: Fixture
  platform: Platform
  gateway: Gateway
  /** the service's own port (behind the gateway): another gateway, for another workspace, may front it */
  servicePort: number
  /** Every line the service printed (stdout and stderr) */
  logs: string[]
  /** the service process, and when it ends (by itself, a crash or a signal) */
  servicePid: number | undefined
  serviceExited: Promise<string>
  stop(): Promise<void>
}

export interface Manifest {
  vendor: string
  name: string
  version: string
  policies?: Array<{ name: string; attrs?: Record<string, string> }>
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const fixture =
    typeof opts.fixture === 'object'
      ? checkFixture(structuredClone(opts.fixture))
      : loadFixture(opts.fixture ?? DEFAULT_FIXTURE)

  const m = opts.manifest ?? readManifest()
  const appName = `${m.vendor}.${m.name}`
  const clockDir = mkdtempSync(join(tmpdir(), 'key-steward-clock-'))
  const clockFile = join(clockDir, 'offset')
  const platform = await new Platform({
    fixture,
    appName,
    clockFile,
    appResources: appResourcesFrom(m),
    appPolicies: (m.policies ?? []).map((p) => p.name),
    outbound: outboundPoliciesOf(m),
    vbaseAllowed: (m.policies ?? []).some((p) => p.name === 'vbase-read-write'),
    faults: opts.faults,
    latencyMs: opts.latencyMs,
  }).listen()

  platform.writeClockFile()

  const logs: string[] = []
  const child = fork(join(ROOT, 'dev', 'service', 'launch.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      VTEX_APP_ID: `${appName}@${m.version}`,
      VTEX_APP_VENDOR: m.vendor,
      VTEX_APP_NAME: m.name,
      VTEX_APP_VERSION: m.version,
      VTEX_ACCOUNT: fixture.account,
      VTEX_WORKSPACE: 'master',
      VTEX_REGION: 'local',
      VTEX_IO: 'true',
      HTTP_PROXY: platform.url,
      http_proxy: platform.url,
      NO_PROXY: '',
      KEY_STEWARD_NOW: fixture.now,
      KEY_STEWARD_CLOCK_FILE: clockFile,
      SERVICE_PORT: '0',
    },
  })

  const collect = (stream: NodeJS.ReadableStream | null, echo: boolean) => {
    let buffered = ''

    stream?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const lines = buffered.split('\n')

      buffered = lines.pop() ?? ''
      for (const line of lines) {
        logs.push(line)
        if (echo) process.stdout.write(`[service] ${line}\n`)
        if (opts.logFile) appendFileSync(opts.logFile, `${line}\n`)
      }
    })
  }

  collect(child.stdout, !!opts.echoLogs)
  collect(child.stderr, !!opts.echoLogs)

  const servicePort = await waitForReady(child, logs)
  const gateway = await new Gateway({
    account: fixture.account,
    appToken: platform.state.appToken,
    servicePort,
    extra:
      opts.extraRoutes ??
      shellRoutes(fixture, shellDist(opts.shell ?? 'development')),
    publicRoutes: publicRoutesOf(),
    routeTimeoutMs: serviceJson().timeout * 1000,
  }).listen(opts.port ?? 0)

  platform.appBaseUrl = `http://127.0.0.1:${gateway.port}`
  if (opts.clockOffsetDays)
    await platform.advanceClock(opts.clockOffsetDays * 86_400_000)

  const serviceExited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`))
  )

  let stopped = false

  return {
    servicePid: child.pid,
    serviceExited,
    url: `http://localhost:${gateway.port}`,
    fixture,
    platform,
    gateway,
    servicePort,
    logs,
    async stop() {
      if (stopped) return
      stopped = true
      await gateway.close()
      // A child killed by a signal has a signalCode and no exitCode: it has exited all the same.
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 3000).unref()
      }

      await serviceExited
      await platform.close()
      rmSync(clockDir, { recursive: true, force: true })
    },
  }
}

/** Public routes of node/service.json (route id → path), which the gateway routes like VTEX's router. */
function serviceJson() {
  return JSON.parse(
    readFileSync(join(ROOT, 'node', 'service.json'), 'utf8')
  ) as {
    timeout: number
    routes?: Record<string, { path: string; public?: boolean }>
  }
}

function publicRoutesOf(): Record<string, string> {
  const service = serviceJson()

  return Object.fromEntries(
    Object.entries(service.routes ?? {})
      .filter(([, r]) => r.public)
      .map(([id, r]) => [id, r.path])
  )
}

function waitForReady(child: ChildProcess, logs: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `service did not start in 60s:\n${logs.slice(-30).join('\n')}`
          )
        ),
      60_000
    )

    child.on('message', (msg: { ready?: boolean; port?: number }) => {
      if (msg?.ready && msg.port) {
        clearTimeout(timer)
        resolve(msg.port)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(
        new Error(
          `service exited with code ${code} before it was ready:\n${logs
            .slice(-30)
            .join('\n')}`
        )
      )
    })
  })
}

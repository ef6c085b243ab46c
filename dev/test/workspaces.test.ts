// Two workspaces of one account on one replica (VTEX IO routes both to the same service): each
// has its own VBase, so its own recent copy. What the service keeps in memory (the copy's body,
// the live read running, its outcome) is named by account and workspace (node/services/place.ts):
// named by account alone, one workspace's copy evicted the other's (its body read again from
// VBase on every other page) and a page of one joined the other's live read, got that
// workspace's copy and left its own workspace without one. The storefront scan's lock is named
// the same way: each workspace keeps its own lock document, so one workspace's scan does not
// refuse another's, and one workspace never runs two.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'

import { Gateway } from '../gateway/server'
import { DEFAULT_FIXTURE } from '../paths'
import type { Stack } from '../stack'
import { readManifest } from '../stack'
import { errorCode, gql, useStack } from './helpers'

const OWNER = 'session-ana-owner'
const LIST = '{ keyList(pageSize: 5) { total inventory { source version } } }'
const STATUS = '{ inventoryStatus { reading } }'
const m = readManifest()
const APP = `${m.vendor}.${m.name}`

const stack = useStack({ fixture: DEFAULT_FIXTURE })
let devGateway: Gateway | undefined

/** The same service, reached as VTEX IO reaches it for the account's `dev` workspace. */
async function devStack(): Promise<Stack> {
  devGateway ??= await new Gateway({
    account: stack.fixture.account,
    workspace: 'dev',
    appToken: stack.platform.state.appToken,
    servicePort: stack.servicePort,
  }).listen(0)

  return { ...stack, url: `http://localhost:${devGateway.port}` } as Stack
}

after(async () => {
  await devGateway?.close()
})

const keyList = async (where: Stack) => {
  const r = await gql(where, OWNER, LIST)

  assert.equal(r.body.errors, undefined, r.text.slice(0, 400))

  return r.body.data.keyList
}

/** Reads of a workspace's copy body from VBase (what a replica keeping it in memory skips). */
const bodyReads = (workspace: string) =>
  stack.platform.requests.filter(
    (r) =>
      r.method === 'GET' &&
      r.path.includes(`/${workspace}/buckets/`) &&
      /\/snapshots\/files\/recent\.json$/.test(r.path)
  ).length

const storedMeta = (workspace: string) => {
  const file = stack.platform.state.vbase.get(
    `${workspace}/${APP}/snapshots/recent-meta.json`
  )

  return file ? JSON.parse(file.body.toString()) : null
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('two workspaces of one account on one replica', () => {
  it('keeps each workspace’s recent copy: pages alternating between them read no body again', async () => {
    const dev = await devStack()

    // each workspace's first page reads VTEX and leaves its own copy
    await keyList(stack)
    await keyList(dev)
    const master = storedMeta('master')
    const devMeta = storedMeta('dev')

    assert.ok(master && devMeta, 'each workspace has its own copy')
    assert.notEqual(master.version, devMeta.version)

    const before = bodyReads('master') + bodyReads('dev')

    for (let i = 0; i < 3; i++) {
      const a = await keyList(stack)
      const b = await keyList(dev)

      assert.equal(a.inventory.source, 'RECENT')
      assert.equal(a.inventory.version, master.version)
      assert.equal(b.inventory.source, 'RECENT')
      assert.equal(b.inventory.version, devMeta.version)
    }

    assert.equal(
      bodyReads('master') + bodyReads('dev') - before,
      0,
      'a copy kept in memory is not read from VBase again'
    )
  })

  it('does not answer one workspace’s page with the live read of another', async () => {
    const dev = await devStack()

    // slow enough that the dev page arrives while master's read runs
    stack.platform.faults.set([], 150)
    const masterPage = keyList(stack)

    for (let i = 0; i < 100; i++) {
      const s = await gql(stack, OWNER, STATUS)

      if (s.body.data?.inventoryStatus?.reading) break
      await sleep(50)
    }

    const devStatus = await gql(dev, OWNER, STATUS)

    assert.equal(
      devStatus.body.data.inventoryStatus.reading,
      false,
      'master’s read is not reported as the dev workspace’s'
    )
    const devPage = keyList(dev)
    const [a, b] = await Promise.all([masterPage, devPage])

    stack.platform.faults.set([])
    assert.equal(a.inventory.version, storedMeta('master')?.version)
    assert.ok(storedMeta('dev'), 'the dev workspace’s read left its own copy')
    assert.equal(b.inventory.version, storedMeta('dev').version)
    assert.notEqual(a.inventory.version, b.inventory.version)
  })

  // attack12 #2: the storefront scan's lock in the replica was named by account alone while its
  // lock in VBase is the workspace's: a scan running in one workspace refused a scan in the other
  // ("a scan is already running") when both reached the same replica, and never across replicas.
  it('lets each workspace scan the storefront while the other’s scan runs', async () => {
    const dev = await devStack()
    const SCAN = 'mutation { runLeakScan { at } }'
    const lock = (workspace: string) => {
      const file = stack.platform.state.vbase.get(
        `${workspace}/${APP}/leakScans/running.json`
      )

      return file ? JSON.parse(file.body.toString()).until : 0
    }

    stack.platform.faults.set([
      { path: '^/arquivos/app\\.js$', latencyMs: 1500 },
    ])
    const masterScan = gql(stack, OWNER, SCAN)

    for (let i = 0; i < 100 && !(lock('master') > Date.now()); i++)
      await sleep(20)
    assert.ok(lock('master') > Date.now(), 'master’s scan holds its lock')

    const [again, devScan] = await Promise.all([
      gql(stack, OWNER, SCAN),
      gql(dev, OWNER, SCAN),
    ])

    assert.equal(errorCode(again), 'CONFLICT', 'one scan at a time in master')
    assert.equal(errorCode(devScan), undefined, devScan.text.slice(0, 300))
    assert.equal(errorCode(await masterScan), undefined)
    stack.platform.faults.set([])
  })
})

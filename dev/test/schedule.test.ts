// The daily scan: registration with the scheduler stand-in, the bearer-protected route, snapshots
// and what changed, and reminders as the platform clock moves.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import type { Fixture } from '../platform/fixture'
import { DEFAULT_FIXTURE } from '../paths'
import { renderTemplate } from '../platform/messageCenter'
import { errorCode, gql, loadJson, useStack } from './helpers'

const fixture = loadJson<Fixture>(DEFAULT_FIXTURE)
const ANA = 'session-ana-owner'
const REMINDERS =
  '{ reminders { id kind count dueDate subjects { id label } } }'

const stack = useStack({ fixture: DEFAULT_FIXTURE }, { resetEach: false })

const advance = async (days: number) =>
  (
    await fetch(`${stack.platform.url}/_platform/clock`, {
      method: 'POST',
      body: JSON.stringify({ days }),
    })
  ).json() as Promise<{
    now: string
    fired: Array<{ id: string; status: number }>
  }>

describe('daily scan', () => {
  it('is registered with the scheduler the first time an admin opens Key Steward', async () => {
    assert.equal(stack.platform.scheduler.jobs.size, 0)
    await gql(stack, ANA, REMINDERS)
    const [job] = [...stack.platform.scheduler.jobs.values()]

    assert.equal(job.expression, '0 6 * * *')
    assert.equal(
      job.request.uri,
      `https://master--${fixture.account}.myvtex.com/_v/key-steward/scan`
    )
    assert.match(job.request.headers!.Authorization, /^Bearer [0-9a-f]{64}$/)
    const { schedule } = (
      await gql(stack, ANA, '{ schedule { registered expression lastScanAt } }')
    ).body.data

    assert.equal(schedule.registered, true)
    assert.equal(schedule.lastScanAt, null)
  })

  it('refuses a call without the secret or with a wrong one', async () => {
    assert.equal(
      (await fetch(`${stack.url}/_v/key-steward/scan`, { method: 'POST' }))
        .status,
      401
    )
    assert.equal(
      (
        await fetch(`${stack.url}/_v/key-steward/scan`, {
          method: 'POST',
          headers: { authorization: `Bearer ${'0'.repeat(64)}` },
        })
      ).status,
      401
    )
    assert.equal(
      (
        await fetch(`${stack.url}/_v/key-steward/scan`, {
          method: 'POST',
          headers: { authorization: 'Basic abc' },
        })
      ).status,
      401
    )
  })

  it('runs when the clock passes 06:00, with the app’s own token, and keeps a snapshot', async () => {
    stack.platform.requests.length = 0
    const { fired } = await advance(1)

    assert.deepEqual(fired, [{ id: 'key-steward-daily-scan', status: 200 }])
    assert.ok(
      stack.platform.requests.some(
        (r) => r.path === '/api/vlm/appkeys' && r.status === 200
      ),
      'the scan read the key list'
    )
    const schedule = (
      await gql(
        stack,
        ANA,
        `{ schedule { lastScanAt nextRunAt healthy registration { state at }
      lastRun { inventory { state problem } storefront { state problem detail } email { state problem } emailsSent } } changes { from to } }`
      )
    ).body.data

    assert.equal(schedule.schedule.lastScanAt, '2026-11-27T12:00:00.000Z')
    assert.equal(schedule.changes.from, null)
    // What the run did is kept for the Admin's Daily scan panel.
    assert.equal(schedule.schedule.healthy, true)
    assert.equal(schedule.schedule.nextRunAt, '2026-11-28T06:00:00.000Z')
    assert.deepEqual(schedule.schedule.registration.state, 'OK')
    assert.deepEqual(schedule.schedule.lastRun.inventory, {
      state: 'OK',
      problem: null,
    })
    assert.ok(
      ['OK', 'PARTIAL'].includes(schedule.schedule.lastRun.storefront.state)
    )
    assert.deepEqual(schedule.schedule.lastRun.email, {
      state: 'SKIPPED',
      problem: 'NO_RECIPIENTS',
    })
  })

  it('e-mails the configured recipients through Message Center, once per new reminder', async () => {
    const set = await gql(
      stack,
      ANA,
      'mutation { updateSettings(settings: { reminderEmails: ["security@acme.com", "bad"] }) { reminderEmails } }'
    )

    assert.equal(errorCode(set), 'BAD_USER_INPUT')
    const ok = await gql(
      stack,
      ANA,
      'mutation { updateSettings(settings: { reminderEmails: ["Security@acme.com"] }) { reminderEmails } }'
    )

    assert.deepEqual(ok.body.data.updateSettings.reminderEmails, [
      'security@acme.com',
    ])
    await advance(1)
    const outbox = (await (
      await fetch(`${stack.platform.url}/_platform/outbox`)
    ).json()) as Array<{
      to: string
      subject: string
      jsonData: { reminders: string[] }
    }>

    assert.equal(outbox.length, 1)
    assert.equal(outbox[0].to, 'security@acme.com')
    assert.match(
      outbox[0].jsonData.reminders.join(' '),
      /access review is overdue/
    )
    // The link opens the Admin's own page (sidebar + frame), not the frame's /admin/app URL.
    assert.equal(
      (outbox[0].jsonData as unknown as { link: string }).link,
      `https://${fixture.account}.myvtex.com/admin/key-steward`
    )
    // Worded from messages/ (the banner's own wording) in the language of the settings (English
    // until chosen), rendered by the template with every value HTML-escaped.
    const count = outbox[0].jsonData.reminders.length

    assert.equal(
      outbox[0].subject,
      `Key Steward: ${count} reminder${count === 1 ? '' : 's'} for ${
        fixture.account
      }`
    )
    const { html } = outbox[0] as unknown as { html: string }

    assert.ok(
      html.startsWith(
        `<p>Key Steward has reminders for the account ${fixture.account}:</p><ul><li>`
      ),
      html
    )
    assert.ok(
      html.endsWith(
        `<a href="https://${fixture.account}.myvtex.com/admin/key-steward">Open Key Steward in the VTEX Admin</a></p>`
      ),
      html
    )
    await advance(1)
    assert.equal(
      (
        (await (
          await fetch(`${stack.platform.url}/_platform/outbox`)
        ).json()) as unknown[]
      ).length,
      1,
      'no repeat for the same reminders'
    )
    const run = (
      await gql(
        stack,
        ANA,
        '{ schedule { lastRun { email { state problem } emailsSent } } }'
      )
    ).body.data.schedule.lastRun

    assert.deepEqual(run, {
      email: { state: 'SKIPPED', problem: 'NOTHING_NEW' },
      emailsSent: 0,
    })
  })

  it('after 100 days: the review is overdue and keys crossed their rotation period; what changed is listed', async () => {
    // A role granted between the two scans shows up as a change.
    const key = fixture.appKeys.find(
      (k) => k.isActive && (fixture.roleAssignments[k.id] ?? []).length === 0
    )!

    stack.platform.state.fixture.roleAssignments[key.id] = [957]
    const { fired } = await advance(100)

    assert.equal(fired[0].status, 200)
    const { reminders } = (await gql(stack, ANA, REMINDERS)).body.data
    const kinds = reminders.map((r: { kind: string }) => r.kind)

    assert.ok(kinds.includes('REVIEW_OVERDUE'))
    const crossed = reminders.find(
      (r: { kind: string }) => r.kind === 'KEYS_CROSSED_ROTATION'
    )

    assert.ok(crossed.count > 10, `${crossed.count} keys crossed`)
    const { changes } = (
      await gql(
        stack,
        ANA,
        '{ changes { from to rolesAdded { subjectId role } keysCrossedRotation { id } } }'
      )
    ).body.data

    assert.equal(changes.from, '2026-11-29T12:00:00.000Z')
    const outbox = (await (
      await fetch(`${stack.platform.url}/_platform/outbox`)
    ).json()) as Array<{ jsonData: { reminders: string[] } }>

    assert.equal(
      outbox.length,
      2,
      'the keys that crossed the rotation period are news: one more e-mail'
    )
    assert.equal(
      stack.platform.messageCenter.saves,
      1,
      'the template is read before each e-mail and saved only once'
    )
    assert.match(
      outbox[1].jsonData.reminders.join(' '),
      /crossed the rotation period/
    )
    assert.deepEqual(changes.rolesAdded, [
      { subjectId: key.id, role: 'Call center operator' },
    ])
    assert.equal(changes.keysCrossedRotation.length, crossed.count)
    // The banner on every page reads stored scans, not the whole inventory.
    stack.platform.requests.length = 0
    await gql(stack, ANA, REMINDERS)
    assert.ok(
      !stack.platform.requests.some(
        (r) => r.path === '/api/vlm/appkeys' || r.path.endsWith('/roles')
      ),
      'no inventory read for reminders'
    )
  })

  it('snoozes a reminder for the days chosen, and refuses a bad number of days', async () => {
    const before = (await gql(stack, ANA, REMINDERS)).body.data.reminders
    const target = before.find(
      (r: { kind: string }) => r.kind === 'REVIEW_OVERDUE'
    )

    assert.equal(
      errorCode(
        await gql(
          stack,
          ANA,
          'mutation($id: String!) { snoozeReminder(id: $id, days: 0) }',
          { id: target.id }
        )
      ),
      'BAD_USER_INPUT'
    )
    const until = (
      await gql(
        stack,
        ANA,
        'mutation($id: String!) { snoozeReminder(id: $id, days: 3) }',
        { id: target.id }
      )
    ).body.data.snoozeReminder

    assert.equal(
      Date.parse(until) - Date.parse(stack.platform.state.now().toISOString()),
      3 * 86_400_000
    )
    const after = (await gql(stack, ANA, REMINDERS)).body.data.reminders

    assert.ok(!after.some((r: { id: string }) => r.id === target.id))
    await advance(4)
    assert.ok(
      (await gql(stack, ANA, REMINDERS)).body.data.reminders.some(
        (r: { id: string }) => r.id === target.id
      )
    )
  })

  it('shows the daily scan’s copy when the live read is slow, and the live data on request', async () => {
    const set = await gql(
      stack,
      ANA,
      // No recent copy (0 minutes: every page reads live), so a slow read falls back to the scan's.
      'mutation { updateSettings(settings: { liveReadTimeoutSeconds: 2, recentCopyMaxAgeMinutes: 0 }) { liveReadTimeoutSeconds } }'
    )

    assert.equal(set.body.errors, undefined, set.text)
    const { lastScanAt } = (
      await gql(stack, ANA, '{ schedule { lastScanAt } }')
    ).body.data.schedule

    stack.platform.faults.set([{ path: '^/api/vlm/appkeys$', latencyMs: 3500 }])
    try {
      const quick = (
        await gql(
          stack,
          ANA,
          '{ inventory { source generatedAt keys { id ageDays roles { name } } } hygiene { score } }'
        )
      ).body.data

      assert.equal(quick.inventory.source, 'SNAPSHOT')
      assert.equal(quick.inventory.generatedAt, lastScanAt)
      assert.equal(quick.inventory.keys.length, fixture.appKeys.length)
      assert.ok(quick.hygiene.score >= 0)
      const live = (
        await gql(
          stack,
          ANA,
          '{ inventory(live: true) { source generatedAt } }'
        )
      ).body.data.inventory

      assert.equal(live.source, 'LIVE')
      assert.equal(
        errorCode(
          await gql(
            stack,
            'session-diego-callcenter',
            '{ inventory { source } }'
          )
        ),
        'FORBIDDEN'
      )
    } finally {
      stack.platform.faults.set([])
    }
  })

  it('runs on a lease that each scan renews, and stops on request', async () => {
    const job = [...stack.platform.scheduler.jobs.values()][0]
    const ends = Date.parse(`${job.endDate}Z`)

    assert.ok(
      ends > stack.platform.state.now().getTime() + 29 * 86_400_000,
      'renewed by the last scan'
    )
    assert.equal(
      (await gql(stack, ANA, 'mutation { unregisterSchedule }')).body.data
        .unregisterSchedule,
      true
    )
    assert.equal(stack.platform.scheduler.jobs.size, 0)
    assert.equal(
      (await gql(stack, ANA, '{ schedule { registered } }')).body.data.schedule
        .registered,
      false
    )
    const { fired } = await advance(1)

    assert.deepEqual(fired, [])
    // An admin's stop sticks: opening pages and saving settings do not register it again.
    await gql(stack, ANA, REMINDERS)
    await gql(
      stack,
      ANA,
      'mutation { updateSettings(settings: { reminderDays: 15 }) { reminderDays } }'
    )
    assert.equal(stack.platform.scheduler.jobs.size, 0)
    assert.ok(
      (await gql(stack, ANA, '{ schedule { stoppedAt } }')).body.data.schedule
        .stoppedAt
    )
    const restarted = (
      await gql(
        stack,
        ANA,
        'mutation { restartSchedule { registered stoppedAt } }'
      )
    ).body.data.restartSchedule

    assert.deepEqual(restarted, { registered: true, stoppedAt: null })
    assert.equal(stack.platform.scheduler.jobs.size, 1)
  })

  it('is refused to users without Save user', async () => {
    assert.equal(
      errorCode(await gql(stack, 'session-carla-readonly', REMINDERS)),
      'FORBIDDEN'
    )
  })
})

describe('Message Center stand-in templates', () => {
  it('escapes every value as Handlebars {{…}} does, in lists too', () => {
    const html = renderTemplate(
      '<p>{{intro}}</p><ul>{{#each reminders}}<li>{{this}}</li>{{/each}}</ul>{{reminders.length}}',
      {
        intro: 'a <b>"x"</b> & y',
        reminders: ['<script>alert(1)</script>', 'ok'],
      }
    )

    assert.equal(
      html,
      '<p>a &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y</p><ul><li>&lt;script&gt;alert(1)&lt;/script&gt;</li><li>ok</li></ul>2'
    )
  })
})

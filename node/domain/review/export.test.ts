import { readFileSync } from 'fs'

import { evaluatePolicy } from '../engine'
import { PRACTICES, severityRank } from '../findings'
import type { PolicyInput } from '../rules/types'
import { NOW, TOKEN_RUN } from '../testing/build'
import { DEFAULT_FIXTURE, policyInputFromFixture } from '../testing/fromFixture'
import { evidenceFor } from './checklist'
import {
  ACTION_COLUMNS,
  CSV_COLUMNS,
  REVIEW_LOG_COLUMNS,
  reviewCsv,
  reviewJson,
} from './export'
import type { AuditRecord } from '../audit'
import { auditRecord } from '../audit'
import {
  carryOut,
  checkPractice,
  completeReview,
  decideKey,
  EMPTY_INDEX,
  startReview,
} from './machine'
import type { Outcome, Review } from './types'

const BY = 'ana@acme.com'
const LATER = new Date(NOW.getTime() + 3_600_000)
const LATEST = new Date(NOW.getTime() + 7_200_000)

function ok<T>(o: Outcome<T>): T {
  if (!o.ok) throw new Error(`refused: ${o.code} ${o.field ?? ''} ${o.message}`)

  return o.value
}

/** RFC 4180: records end in CRLF, fields are separated by commas, a quoted field may hold
 *  commas, CRLF and doubled quotes. Also says whether every non-empty record was fully quoted. */
function parseCsv(text: string): { records: string[][]; allQuoted: boolean } {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let allQuoted = true
  let i = 0
  const endField = () => {
    if (
      !quoted &&
      !(
        record.length === 0 &&
        field === '' &&
        (text[i] === '\r' || i >= text.length)
      )
    )
      allQuoted = false
    record.push(field)
    field = ''
    quoted = false
  }

  while (i < text.length) {
    const c = text[i]

    if (c === '"' && field === '' && !quoted) {
      quoted = true
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }

          i++
          break
        }

        field += text[i++]
      }

      if (i < text.length && text[i] !== ',' && text[i] !== '\r')
        throw new Error(`garbage after a closing quote at ${i}`)
    } else if (c === ',') {
      endField()
      i++
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`)
      endField()
      records.push(record)
      record = []
      i += 2
    } else if (c === '\n') {
      throw new Error(`bare LF at ${i}`)
    } else {
      field += c
      i++
    }
  }

  if (field !== '' || record.length) {
    endField()
    records.push(record)
  }

  return { records, allQuoted }
}

const policy = policyInputFromFixture()

function startFrom(
  p: PolicyInput,
  leakScan?: { at: string; exposedKeys: number }
): Review {
  return ok(
    startReview(EMPTY_INDEX, {
      id: 'r1',
      now: NOW,
      by: BY,
      policy: p,
      findings: evaluatePolicy(p),
      leakScan,
    })
  )
}

const base = startFrom(policy)
const risky = base.keys.find((k) =>
  k.findings.some((f) => f.severity === 'CRITICAL')
)!

const healthy = base.keys.find((k) => k.isActive && k.findings.length === 0)!
const JUSTIFICATION =
  'Deploy pipeline of "Agência Órbita", needed until 2027-01-15,\r\nthen rotate; ask felipe@agenciaorbita.com.br'

/** A realistic, completed review: a justified KEEP, the rest decided, every practice closed. */
function completedReview(start: Review): Review {
  let r = ok(
    decideKey(start, {
      keyId: risky.id,
      decision: 'KEEP',
      justification: JUSTIFICATION,
      by: 'rafael@acme.com',
      now: LATER,
    })
  )

  for (const k of r.keys)
    if (k.id !== risky.id)
      r = ok(
        decideKey(r, {
          keyId: k.id,
          // another account's key cannot be rotated or deactivated here
          decision: k.external
            ? 'REDUCE_ROLES'
            : k.isActive
            ? 'ROTATE'
            : 'DEACTIVATE',
          by: BY,
          now: LATER,
        })
      )
  const scan = {
    at: LATER.toISOString(),
    exposedKeys: 0,
    complete: true,
    unreadCount: 0,
    appKeys: [],
  }

  for (const p of PRACTICES)
    r = ok(
      checkPractice(r, {
        practice: p,
        status: 'DONE',
        note:
          p === 'AWARENESS'
            ? 'Training, "Keys 101", on 2026-11-20'
            : p === 'NO_SHARING'
            ? 'Confirmed with each integrator'
            : `Handled: ${p}`,
        by: BY,
        now: LATER,
        leakScan: scan,
      })
    )

  return ok(
    completeReview(r, { by: 'rafael@acme.com', now: LATEST, note: 'Q4 review' })
  )
}

const review = completedReview(base)
const csv = reviewCsv(review)
const parsed = parseCsv(csv)
const headerIndex = (name: string) => CSV_COLUMNS.indexOf(name)
const keyRows = parsed.records.slice(1, 1 + review.keys.length)
const rowOf = (keyId: string) =>
  keyRows.find((r) => r[headerIndex('key_id')] === keyId)!

describe('reviewCsv', () => {
  it('(the test parser reads RFC 4180 and notices unquoted fields)', () => {
    expect(parseCsv('"a","b ""c""","d,\r\ne"\r\n\r\n"x"\r\n')).toEqual({
      records: [['a', 'b "c"', 'd,\r\ne'], [''], ['x']],
      allQuoted: true,
    })
    expect(parseCsv('"a",b\r\n').allQuoted).toBe(false)
    expect(parseCsv('"a",,"c"\r\n')).toEqual({
      records: [['a', '', 'c']],
      allQuoted: false,
    })
    expect(() => parseCsv('"a"x\r\n')).toThrow()
  })

  it('is well-formed RFC 4180 with CRLF line ends and every field quoted', () => {
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(parsed.allQuoted).toBe(true)
  })

  it('starts with the CSV_COLUMNS header', () => {
    expect(parsed.records[0]).toEqual(CSV_COLUMNS)
    expect(
      csv.startsWith(`${CSV_COLUMNS.map((c) => `"${c}"`).join(',')}\r\n`)
    ).toBe(true)
  })

  it('has one row per key, in snapshot order, each as wide as the header', () => {
    expect(keyRows.map((r) => r[headerIndex('key_id')])).toEqual(
      review.keys.map((k) => k.id)
    )
    for (const r of keyRows) expect(r).toHaveLength(CSV_COLUMNS.length)
    // then a blank line separating the checklist
    expect(parsed.records[1 + review.keys.length]).toEqual([''])
  })

  it('writes the review and key fields of each row', () => {
    const r = rowOf(risky.id)
    const col = (name: string) => r[headerIndex(name)]

    expect(col('review_id')).toBe('r1')
    expect(col('review_status')).toBe('COMPLETED')
    expect(col('started_at')).toBe(NOW.toISOString())
    expect(col('started_by')).toBe(BY)
    expect(col('completed_at')).toBe(LATEST.toISOString())
    expect(col('signed_by')).toBe('rafael@acme.com')
    expect(col('app_key')).toBe(risky.appKey)
    expect(col('label')).toBe(risky.label)
    expect(col('active')).toBe(String(risky.isActive))
    expect(col('age_days')).toBe(String(risky.ageDays))
    expect(col('roles')).toBe(risky.roles.join('; '))
    expect(col('findings')).toBe(
      risky.findings.map((f) => `${f.severity}:${f.rule}`).join('; ')
    )
    expect(col('findings')).toMatch(/^CRITICAL:/)
  })

  it('round-trips a decision: decision, justification (quotes, comma, line break) and decider', () => {
    const r = rowOf(risky.id)

    expect(r[headerIndex('decision')]).toBe('KEEP')
    expect(r[headerIndex('justification')]).toBe(JUSTIFICATION)
    expect(r[headerIndex('decided_by')]).toBe('rafael@acme.com')
    expect(r[headerIndex('decided_at')]).toBe(LATER.toISOString())
    expect(csv).toContain(
      '"Deploy pipeline of ""Agência Órbita"", needed until 2027-01-15,\r\nthen rotate; ask felipe@agenciaorbita.com.br"'
    )
    const h = rowOf(healthy.id)

    expect([
      h[headerIndex('decision')],
      h[headerIndex('justification')],
      h[headerIndex('decided_by')],
    ]).toEqual(['ROTATE', '', BY])
  })

  it('leaves the decision columns empty for an undecided key and shows unknown roles as such', () => {
    const p = policyInputFromFixture()

    p.inventory = {
      ...p.inventory,
      keys: p.inventory.keys.map((k, i) =>
        i === 0 ? { ...k, rolesKnown: false, roles: [] } : k
      ),
    }
    const open = startFrom(p)
    const rows = parseCsv(reviewCsv(open)).records
    const first = rows[1]

    expect(first[headerIndex('key_id')]).toBe(open.keys[0].id)
    expect(first[headerIndex('roles')]).toBe('(unknown)')
    // decision … carried_out, no finding new since the start, no carry-out status
    expect(first.slice(headerIndex('decision'))).toEqual([
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ])
    expect(first[headerIndex('completed_at')]).toBe('')
    expect(first[headerIndex('signed_by')]).toBe('')
  })

  // attack8 12: a Rotate or Deactivate stored on an external key before only Keep and Reduce
  // roles were allowed on it
  it.each(['ROTATE', 'DEACTIVATE'] as const)(
    'shows a %s stored on an external key as undecided while the review is open (as the Admin and progress do), as signed once signed',
    (decision) => {
      const external = base.keys.find((k) => k.external)!
      const legacy = (r: Review): Review => ({
        ...r,
        decisions: {
          ...r.decisions,
          [external.id]: { decision, justification: 'old', by: BY, at: '' },
        },
      })
      const rowIn = (r: Review) =>
        parseCsv(reviewCsv(r)).records.find(
          (row) => row[headerIndex('key_id')] === external.id
        )!
      const open = rowIn(legacy(base))

      expect(open[headerIndex('decision')]).toBe('')
      expect(open[headerIndex('justification')]).toBe('')
      expect(open[headerIndex('carry_out_status')]).toBe('')
      const signed = rowIn(legacy({ ...base, status: 'COMPLETED' }))

      expect(signed[headerIndex('decision')]).toBe(decision)
      expect(signed[headerIndex('carry_out_status')]).toBe(
        'OUTSIDE_KEY_STEWARD'
      )
    }
  )

  it('doubles quotes embedded in a label', () => {
    const p = policyInputFromFixture()

    p.inventory = {
      ...p.inventory,
      keys: p.inventory.keys.map((k, i) =>
        i === 0 ? { ...k, label: 'Feed "main", v2' } : k
      ),
    }
    const out = reviewCsv(startFrom(p))

    expect(out).toContain('"Feed ""main"", v2"')
    expect(parseCsv(out).records[1][headerIndex('label')]).toBe(
      'Feed "main", v2'
    )
  })

  it.each([
    ['=HYPERLINK("http://evil.example","x")'],
    ['+SUM(1,2)'],
    ['-2+3'],
    ['@cmd'],
    ['\t=1+1'],
    // attack11: behind blanks or a line break (VTEX labels are not trimmed)
    [' =HYPERLINK("http://evil.example","x")'],
    ['\u00A0+SUM(1,2)'],
    ['\n=1+1'],
    ['\r\n@cmd'],
  ])(
    'neutralises the formula-like label %p with a leading apostrophe',
    (label) => {
      const p = policyInputFromFixture()

      p.inventory = {
        ...p.inventory,
        keys: p.inventory.keys.map((k, i) => (i === 2 ? { ...k, label } : k)),
      }
      const out = reviewCsv(startFrom(p))
      const row = parseCsv(out).records[3]

      expect(row[headerIndex('label')]).toBe(`'${label}`)
      expect(out).toContain(`"'${label.replace(/"/g, '""')}"`)
      // no cell in the whole export starts with a formula character
      for (const r of parseCsv(out).records)
        for (const c of r)
          expect(c).not.toMatch(/^[\s\u00A0\u3000]*[=+\-@]|^[\t\r\n]/)
    }
  )

  it('neutralises a formula-like justification too', () => {
    const r = ok(
      decideKey(base, {
        keyId: healthy.id,
        decision: 'KEEP',
        justification: '=1+1',
        by: BY,
        now: LATER,
      })
    )

    expect(
      parseCsv(reviewCsv(r)).records.find(
        (x) => x[headerIndex('key_id')] === healthy.id
      )![headerIndex('justification')]
    ).toBe("'=1+1")
  })

  it('ends with a checklist section: the 7 practices, status, note, who, when and their evidence', () => {
    const section = parsed.records.slice(2 + review.keys.length)

    expect(section[0]).toEqual([
      '#checklist',
      'practice',
      'status',
      'note',
      'by',
      'at',
      'evidence',
    ])
    const rows = section.slice(1, 1 + PRACTICES.length)

    expect(rows.map((r) => r[1])).toEqual([...PRACTICES])
    for (const r of rows) {
      const p = r[1] as (typeof PRACTICES)[number]
      const c = review.checklist[p]

      expect(r).toEqual([
        '#checklist',
        p,
        'DONE',
        c.note,
        BY,
        LATER.toISOString(),
        evidenceFor(p, review.evidence)
          .map((e) => `${e.id}=${e.value}`)
          .join('; '),
      ])
    }

    const at = (p: string) => rows.find((r) => r[1] === p)!
    const e = review.evidence

    expect(at('ROTATE_KEYS')[6]).toBe(
      `activeWithinRotation=${e.activeWithinRotation}/${e.activeKeys}`
    )
    expect(at('RENEW_TOKENS')[6]).toBe(
      `unfinishedRenewals=${e.unfinishedRenewals}`
    )
    expect(at('REASSESS_ACCESS')[6]).toBe(
      `keysHighOrWorse=${e.keysHighOrWorse}; ownerUsers=${e.ownerUsers}/${e.maxOwnerUsers}`
    )
    expect(at('INDIVIDUAL_KEYS')[6]).toBe(
      `keysWithoutOwner=${e.keysWithoutOwner}; genericLabels=${e.genericLabels}; duplicateLabels=${e.duplicateLabels}; sharedKeys=${e.sharedKeys}`
    )
    expect(at('NO_CLIENT_SIDE')[6]).toBe('exposedKeys=0')
    expect(at('AWARENESS')[6]).toBe('')
    expect(at('AWARENESS')[3]).toBe('Training, "Keys 101", on 2026-11-20')
    expect(at('NO_SHARING')[6]).toBe('')
    expect(parsed.records).toHaveLength(
      1 +
        review.keys.length +
        1 +
        1 +
        PRACTICES.length +
        1 +
        2 +
        1 +
        1 +
        review.audit.length
    )
  })

  it('has the sign-off (signer, time, note) and the review log (start, decisions, checks, sign-off)', () => {
    const signoff = parsed.records.filter((r) => r[0] === '#signoff')

    expect(signoff).toEqual([
      ['#signoff', 'signed_by', 'completed_at', 'note'],
      ['#signoff', 'rafael@acme.com', LATEST.toISOString(), 'Q4 review'],
    ])
    const log = parsed.records.filter((r) => r[0] === '#review_log')

    expect(log[0]).toEqual([...REVIEW_LOG_COLUMNS])
    const keyOf = new Map(review.keys.map((k) => [k.id, k]))

    expect(log.slice(1)).toEqual(
      review.audit.map((a) => [
        '#review_log',
        a.at,
        a.by,
        a.action,
        a.subject,
        a.detail.replace(/^([=+\-@\t\r])/, "'$1"),
        keyOf.get(a.subject)?.label ?? '',
        keyOf.get(a.subject)?.appKey ?? '',
      ])
    )
    // a decision's row names its key by label and appKey (labels may repeat), not only its id
    const decided = log.find((r) => r[3] === 'DECIDE')!
    const key = keyOf.get(decided[4])!

    expect(decided.slice(6)).toEqual([key.label, key.appKey])
    expect(log.find((r) => r[3] === 'START')!.slice(6)).toEqual(['', ''])
    expect(log.slice(1).map((r) => r[3])).toEqual(
      expect.arrayContaining(['START', 'DECIDE', 'CHECK', 'COMPLETE'])
    )
  })

  it('shows the leak scan as NO_CLIENT_SIDE evidence when there is one', () => {
    const rows = parseCsv(
      reviewCsv(startFrom(policy, { at: NOW.toISOString(), exposedKeys: 3 }))
    ).records

    expect(
      rows.find((r) => r[0] === '#checklist' && r[1] === 'NO_CLIENT_SIDE')![6]
    ).toBe('exposedKeys=3')
  })

  it('shows an open checklist as OPEN with no one and no time', () => {
    const rows = parseCsv(reviewCsv(base)).records.filter(
      (r) => r[0] === '#checklist' && r[1] !== 'practice'
    )

    expect(rows).toHaveLength(7)
    for (const r of rows) expect(r.slice(2, 6)).toEqual(['OPEN', '', '', ''])
  })
})

describe('reviewJson', () => {
  const json = JSON.parse(reviewJson(review))

  it('carries the whole review', () => {
    expect(json).toMatchObject({
      id: 'r1',
      status: 'COMPLETED',
      startedAt: NOW.toISOString(),
      startedBy: BY,
      completedAt: LATEST.toISOString(),
      signedBy: 'rafael@acme.com',
      signatureNote: 'Q4 review',
    })
    expect(json.evidence).toEqual(review.evidence)
    expect(json.decisions).toEqual(review.decisions)
    expect(json.decisions[risky.id].justification).toBe(JUSTIFICATION)
    expect(json.audit).toEqual(review.audit)
  })

  it('lists the checklist as an array of the 7 practices with their evidence', () => {
    expect(Array.isArray(json.checklist)).toBe(true)
    expect(json.checklist).toHaveLength(7)
    expect(json.checklist.map((c: { practice: string }) => c.practice)).toEqual(
      [...PRACTICES]
    )
    for (const c of json.checklist) {
      const p = c.practice as (typeof PRACTICES)[number]

      expect(c).toEqual({
        practice: p,
        ...review.checklist[p],
        evidence: evidenceFor(p, review.evidence),
      })
    }

    const reassess = json.checklist.find(
      (c: { practice: string }) => c.practice === 'REASSESS_ACCESS'
    )

    expect(reassess.evidence.map((e: { id: string }) => e.id)).toEqual([
      'keysHighOrWorse',
      'ownerUsers',
    ])
  })

  it('lists the keys with their findings', () => {
    expect(json.keys).toEqual(review.keys)
    const k = json.keys.find((x: { id: string }) => x.id === risky.id)

    expect(
      k.findings.some(
        (f: { severity: 'CRITICAL' }) => severityRank(f.severity) === 0
      )
    ).toBe(true)
    expect(k.findings[0]).toEqual({
      rule: expect.any(String),
      severity: expect.any(String),
      practice: expect.any(String),
    })
  })
})

describe('no token in the export', () => {
  const tokens: string[] = JSON.parse(
    readFileSync(DEFAULT_FIXTURE, 'utf8')
  ).appKeys.map((k: { token: string }) => k.token)

  it('the fixture does carry tokens (the check is not vacuous)', () => {
    expect(tokens.length).toBeGreaterThan(10)
    for (const t of tokens) expect(t).toMatch(TOKEN_RUN)
  })

  it.each([
    ['CSV of a completed review', () => csv],
    ['JSON of a completed review', () => reviewJson(review)],
    ['CSV of an open review', () => reviewCsv(base)],
    ['JSON of an open review', () => reviewJson(base)],
  ])('%s has no 128-capital run and none of the tokens', (_name, out) => {
    const text = out()

    expect(text).not.toMatch(TOKEN_RUN)
    for (const t of tokens) expect(text).not.toContain(t.slice(0, 32))
  })
})

describe('what changed in the evidence', () => {
  it('lists the changes the daily scans saw before the review started', () => {
    const policy = policyInputFromFixture()
    const started = startReview(EMPTY_INDEX, {
      id: 'rc',
      now: new Date(policy.now),
      by: 'ana@acme.com',
      policy,
      findings: evaluatePolicy(policy),
      changes: {
        from: '2026-11-25T06:00:00.000Z',
        to: '2026-11-26T06:00:00.000Z',
        keysCreated: [{ id: 'k9', label: 'New feed' }],
        keysRemoved: [],
        keysDeactivated: [],
        keysReactivated: [],
        rolesAdded: [
          {
            subjectType: 'USER',
            subjectId: 'u1',
            label: 'ana@acme.com',
            role: 'Owner (Admin Super)',
          },
        ],
        rolesRemoved: [],
        keysCrossedRotation: [],
        rolesNotCompared: [],
      },
    })

    if (!started.ok) throw new Error(started.message.id)
    const csv = reviewCsv(started.value)

    expect(csv).toContain('"#changes","keysCreated","k9","New feed"')
    expect(csv).toContain(
      '"#changes","rolesAdded","u1","ana@acme.com","Owner (Admin Super)"'
    )
    expect(
      JSON.parse(reviewJson(started.value)).changes.keysCreated[0].label
    ).toBe('New feed')
  })
})

describe('actions taken in VTEX during the review', () => {
  const policy = policyInputFromFixture()
  const started = startReview(EMPTY_INDEX, {
    id: 'ra',
    now: new Date(policy.now),
    by: 'ana@acme.com',
    policy,
    findings: evaluatePolicy(policy),
  })

  if (!started.ok) throw new Error(started.message.id)
  const k = started.value.keys[0]
  const decided = decideKey(started.value, {
    keyId: k.id,
    decision: 'DEACTIVATE',
    justification: 'unused since the ERP change',
    by: 'ana@acme.com',
    now: new Date(policy.now),
  })

  if (!decided.ok) throw new Error(decided.message.id)
  const done = carryOut(decided.value, {
    keyId: k.id,
    action: 'DEACTIVATE',
    detail: 'active → inactive',
    by: 'bruno@acme.com',
    now: new Date(policy.now),
  })!

  const action: AuditRecord = auditRecord({
    id: 'x1',
    at: policy.now.toISOString(),
    by: 'bruno@acme.com',
    action: 'DEACTIVATE',
    keyId: k.id,
    appKey: k.appKey,
    label: k.label,
    before: 'active',
    after: 'inactive',
    vtex: { endpoint: 'PUT /api/vlm/appkeys/{id}', status: 200, answer: '' },
    outcome: 'DONE',
    reviewId: 'ra',
  })

  it("the CSV says which decision was carried out, by whom, and lists each action with VTEX's answer", () => {
    const rows = parseCsv(reviewCsv(done, [action])).records
    const row = rows.find((r) => r[CSV_COLUMNS.indexOf('key_id')] === k.id)!

    expect(row[CSV_COLUMNS.indexOf('carried_out')]).toBe(
      `DEACTIVATE by bruno@acme.com at ${policy.now.toISOString()} (active → inactive)`
    )
    expect(rows).toContainEqual(ACTION_COLUMNS)
    expect(rows).toContainEqual([
      '#action',
      policy.now.toISOString(),
      'bruno@acme.com',
      'DEACTIVATE',
      k.id,
      k.appKey,
      k.label,
      'active',
      'inactive',
      'PUT /api/vlm/appkeys/{id}',
      '200',
      '',
      'DONE',
      '',
    ])
  })

  it('the CSV says where carrying out stands: carried out, not started (not the empty cell of a KEEP), or none asked', () => {
    const other = started.value.keys[1]
    const kept = started.value.keys[2]
    let r = ok(
      decideKey(done, {
        keyId: other.id,
        decision: 'ROTATE',
        justification: 'old',
        by: 'ana@acme.com',
        now: new Date(policy.now),
      })
    )

    r = ok(
      decideKey(r, {
        keyId: kept.id,
        decision: 'KEEP',
        justification: 'needed',
        by: 'ana@acme.com',
        now: new Date(policy.now),
      })
    )
    const renewing = carryOut(r, {
      keyId: other.id,
      action: 'RENEW_TOKEN',
      detail: '',
      by: 'bruno@acme.com',
      now: new Date(policy.now),
    })!

    const status = (review: Review, id: string) =>
      parseCsv(reviewCsv(review))
        .records.find((row) => row[CSV_COLUMNS.indexOf('key_id')] === id)!
        .at(-1)

    expect(CSV_COLUMNS.at(-1)).toBe('carry_out_status')
    expect(status(r, k.id)).toBe('CARRIED_OUT')
    expect(status(r, other.id)).toBe('NOT_STARTED')
    expect(status(renewing, other.id)).toBe('IN_PROGRESS')
    expect(status(r, kept.id)).toBe('')
    expect(status(r, started.value.keys[3].id)).toBe('')
    // the older column stays as it was: empty for both the KEEP and the rotation not started
    const row = (id: string) =>
      parseCsv(reviewCsv(r)).records.find(
        (x) => x[CSV_COLUMNS.indexOf('key_id')] === id
      )!

    expect(row(other.id)[CSV_COLUMNS.indexOf('carried_out')]).toBe('')
    expect(row(kept.id)[CSV_COLUMNS.indexOf('carried_out')]).toBe('')
    // a key of another account: changed in VTEX, outside Key Steward (never "not started")
    const external = started.value.keys.find((x) => x.external)!
    const reduced = ok(
      decideKey(r, {
        keyId: external.id,
        decision: 'REDUCE_ROLES',
        justification: 'partner needs less',
        by: 'ana@acme.com',
        now: new Date(policy.now),
      })
    )

    expect(status(reduced, external.id)).toBe('OUTSIDE_KEY_STEWARD')
  })

  it("the JSON carries the actions and the decision's carriedOut", () => {
    const json = JSON.parse(reviewJson(done, [action]))

    expect(json.actions).toEqual([action])
    expect(json.decisions[k.id].carriedOut[0].by).toBe('bruno@acme.com')
  })

  it('without actions there is no action section', () => {
    expect(reviewCsv(done)).not.toContain('#action')
    expect(JSON.parse(reviewJson(done)).actions).toEqual([])
  })
})

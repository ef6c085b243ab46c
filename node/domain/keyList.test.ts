import type { Finding } from './findings'
import type { KeyRow } from './keyList'
import {
  DEFAULT_KEY_LIST,
  externalRow,
  listKeys,
  listUsers,
  orderKeys,
} from './keyList'
import type { UserEntry } from './types'

const role = (id: number, name: string, isAdmin = false) => ({
  id,
  name,
  isAdmin,
  roleType: 0,
  products: [],
})

const key = (
  id: string,
  label: string,
  over: Partial<KeyRow> = {}
): KeyRow => ({
  id,
  appKey: `vtexappkey-acme-${id}`,
  label,
  createdAt: `2026-0${id.length}-01T00:00:00Z`,
  createdMs: Date.parse(`2026-0${id.length}-01T00:00:00Z`),
  isActive: true,
  ageDays: 10,
  rolesKnown: true,
  roles: [],
  external: false,
  account: null,
  ...over,
})

const finding = (
  subjectId: string,
  rule: string,
  severity: Finding['severity']
): Finding => ({
  rule,
  severity,
  practice: 'ROTATE_KEYS',
  subjectType: 'KEY',
  subjectId,
  subjectLabel: subjectId,
  params: {},
})

const rows = [
  key('a', 'Orders sync', { ageDays: 200, roles: [role(1, 'Owner', true)] }),
  key('bb', 'ERP feed', { ageDays: 30 }),
  key('ccc', 'test', { isActive: false, ageDays: 5 }),
  key('dddd', 'Äpfel export', { ageDays: 90 }),
]

const findings = [
  finding('a', 'owner-role', 'CRITICAL'),
  finding('a', 'no-owner', 'INFO'),
  finding('ccc', 'generic-label', 'LOW'),
  finding('bb', 'key-age-exceeded', 'MEDIUM'),
]

const findingsOf = (id: string) => findings.filter((f) => f.subjectId === id)
const ids = (q: Partial<typeof DEFAULT_KEY_LIST>) =>
  listKeys(orderKeys(rows, findingsOf), findingsOf, {
    ...DEFAULT_KEY_LIST,
    ...q,
  }).rows.map((r) => r.id)

describe('listKeys', () => {
  it('sorts by worst finding first by default, keys without findings last', () => {
    expect(ids({})).toEqual(['a', 'bb', 'ccc', 'dddd'])
  })
  it('sorts by label with a collator (accents next to their letter), both directions', () => {
    expect(ids({ sort: 'label' })).toEqual(['dddd', 'bb', 'a', 'ccc'])
    expect(ids({ sort: 'label', descending: true })).toEqual([
      'ccc',
      'a',
      'bb',
      'dddd',
    ])
  })
  it('filters by severity, rule, status, role, ids and search together', () => {
    expect(ids({ severity: 'LOW' })).toEqual(['ccc'])
    expect(ids({ rule: 'owner-role' })).toEqual(['a'])
    expect(ids({ status: 'inactive' })).toEqual(['ccc'])
    expect(ids({ roleId: 1 })).toEqual(['a'])
    expect(ids({ ids: ['bb', 'vtexappkey-acme-dddd'] })).toEqual(['bb', 'dddd'])
    expect(ids({ search: 'OWNER' })).toEqual(['a'])
    expect(ids({ search: 'erp', status: 'inactive' })).toEqual([])
  })
  it('filters by severity on the worst finding, as the table shows it', () => {
    // 'a' has a CRITICAL and an INFO finding: it is a Critical key, not an Info one
    expect(ids({ severity: 'CRITICAL' })).toEqual(['a'])
    expect(ids({ severity: 'INFO' })).toEqual([])
    expect(ids({ severity: 'MEDIUM' })).toEqual(['bb'])
    expect(ids({ severity: 'HIGH' })).toEqual([])
  })
  it('pages with a total and clamps the page number', () => {
    const p = listKeys(orderKeys(rows, findingsOf), findingsOf, {
      ...DEFAULT_KEY_LIST,
      pageSize: 3,
      page: 9,
    })

    expect([p.total, p.page, p.pages, p.rows.map((r) => r.id)]).toEqual([
      4,
      2,
      2,
      ['dddd'],
    ])
  })
  it('lists an external key as a row marked external, found by its appKey', () => {
    const ext = externalRow(
      {
        appKey: 'vtexappkey-partner-X',
        account: 'partner',
        addedDate: '2026-01-01T00:00:00Z',
        isActive: true,
        rolesKnown: true,
        roles: [],
      },
      new Date('2026-01-11T00:00:00Z')
    )

    const page = listKeys(orderKeys([...rows, ext], findingsOf), findingsOf, {
      ...DEFAULT_KEY_LIST,
      ids: ['vtexappkey-partner-X'],
    })

    expect(page.rows).toEqual([
      expect.objectContaining({
        external: true,
        account: 'partner',
        ageDays: 10,
        label: 'partner',
      }),
    ])
    expect([page.total, page.externalTotal]).toEqual([1, 1])
    // the count says how many of the matching rows are external keys, on every page
    const all = listKeys(orderKeys([...rows, ext], findingsOf), findingsOf, {
      ...DEFAULT_KEY_LIST,
      pageSize: 2,
      page: 1,
    })

    expect([all.total, all.externalTotal, all.rows.length]).toEqual([5, 1, 2])
  })
  it('orders in a total order: the rows in any order list the same, for every sort', () => {
    // ties on every sort value: same worst finding, same age, same date, same label
    const twins = ['t1', 't2', 't3', 't4', 't5'].map((id) =>
      key(id, id === 't5' ? 'erp FEED' : 'ERP feed', { ageDays: 30 })
    )

    const all = [...rows, ...twins]
    const shuffled = [...all].reverse()
    const order = (list: KeyRow[]) => orderKeys(list, findingsOf)

    for (const sort of ['label', 'createdAt', 'ageDays', 'severity'] as const)
      for (const descending of [false, true]) {
        const listed = (list: KeyRow[]) =>
          order(list)(sort, descending).map((r) => r.id)

        expect(listed(shuffled)).toEqual(listed(all))
        expect(listed([...all.slice(3), ...all.slice(0, 3)])).toEqual(
          listed(all)
        )
      }
  })
  it('sorts by creation time, not by its text: a later time of the same second, an offset', () => {
    const at = (id: string, createdAt: string) =>
      key(id, 'Same label', { createdAt, createdMs: Date.parse(createdAt) })

    const listed = orderKeys(
      [
        at('later', '2026-01-10T09:00:08.270Z'),
        at('first', '2026-01-10T09:00:08Z'),
        at('offset', '2026-01-10T10:00:00+02:00'),
      ],
      findingsOf
    )

    expect(listed('createdAt', false).map((r) => r.id)).toEqual([
      'offset',
      'first',
      'later',
    ])
    expect(listed('createdAt', true).map((r) => r.id)).toEqual([
      'later',
      'first',
      'offset',
    ])
  })
  it('keeps one order for every filter: filtering the ordered rows lists what sorting the filtered ones would', () => {
    const ordered = orderKeys(rows, findingsOf)

    for (const q of [
      { status: 'active' as const },
      { search: 'e' },
      { severity: 'MEDIUM' as const },
    ]) {
      const kept = listKeys(ordered, findingsOf, { ...DEFAULT_KEY_LIST, ...q })
      const picked = new Set(kept.rows.map((r) => r.id))
      const alone = orderKeys(
        rows.filter((r) => picked.has(r.id)),
        findingsOf
      )(DEFAULT_KEY_LIST.sort, false)

      expect(kept.rows.map((r) => r.id)).toEqual(alone.map((r) => r.id))
    }
  })
})

describe('listUsers', () => {
  const user = (email: string, admin = false): UserEntry => ({
    id: email,
    email,
    name: email.split('@')[0],
    isAdmin: false,
    isBlocked: false,
    rolesKnown: true,
    roles: admin ? [role(1, 'Owner', true)] : [],
  })

  it('puts owners first, then by e-mail, and searches', () => {
    const users = [
      user('zed@x.com'),
      user('amy@x.com'),
      user('boss@x.com', true),
    ]

    expect(
      listUsers(users, { page: 1, pageSize: 10, search: '' }).rows.map(
        (u) => u.email
      )
    ).toEqual(['boss@x.com', 'amy@x.com', 'zed@x.com'])
    // the role list failed: roles keep id and name only (isAdmin false), as rules/userOwnerRole.ts
    // still finds Owner by its name, so the list still puts its holders first
    const unflagged = {
      ...user('ceo@x.com'),
      roles: [role(1, 'Owner (Admin Super)')],
    }

    expect(
      listUsers([...users, unflagged], {
        page: 1,
        pageSize: 10,
        search: '',
      }).rows.map((u) => u.email)
    ).toEqual(['boss@x.com', 'ceo@x.com', 'amy@x.com', 'zed@x.com'])
    expect(
      listUsers(users, { page: 1, pageSize: 10, search: 'owner' }).rows.map(
        (u) => u.email
      )
    ).toEqual(['boss@x.com'])
    expect(listUsers(users, { page: 2, pageSize: 2, search: '' })).toEqual(
      expect.objectContaining({
        total: 3,
        pages: 2,
        rows: [expect.objectContaining({ email: 'zed@x.com' })],
      })
    )
  })
  // attack11: the collator reads "user01" and "user1", or "Ana" and "ana", as the same name, so
  // such users came in whatever order VTEX listed them: a page boundary between them could show
  // one twice and the other never after a live read. The order is total, whatever the input's.
  it('orders users the collator reads as equal the same way whatever order VTEX lists them in', () => {
    const users = [
      user('user1@x.com'),
      user('user01@x.com'),
      user('Ana@x.com'),
      user('ana@x.com'),
    ]

    const order = (list: UserEntry[]) =>
      listUsers(list, { page: 1, pageSize: 10, search: '' }).rows.map(
        (u) => u.email
      )

    expect(order(users)).toEqual(order([...users].reverse()))
    expect(order([users[1], users[3], users[0], users[2]])).toEqual(
      order(users)
    )
  })
})

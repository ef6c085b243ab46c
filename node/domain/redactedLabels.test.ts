import { redactedLabels, redactedText } from './redactedLabels'

const T = 'QWERTYUIOPASDFGHJKLZXCVBNM'.repeat(5).slice(0, 128)

test('a token in a label is redacted; other keys are kept as they are', () => {
  const plain = { id: '1', appKey: 'vtexappkey-acme-AAA', label: 'ERP orders' }
  const keys = redactedLabels([
    plain,
    { id: '2', appKey: 'vtexappkey-acme-BBB', label: `ERP orders: ${T}` },
    {
      id: '3',
      appKey: 'vtexappkey-acme-CCC',
      label: Buffer.from(T).toString('base64'),
    },
  ])

  expect(keys[0]).toBe(plain)
  expect(keys[1]).toEqual({
    id: '2',
    appKey: 'vtexappkey-acme-BBB',
    label: 'ERP orders: QWER…[128 characters redacted]',
  })
  expect(keys[2].label).toMatch(/^.{4}…\[\d+ characters redacted\]$/)
  expect(JSON.stringify(keys)).not.toContain(T.slice(0, 32))
})

test('a key without a label (VTEX may send none) is kept', () => {
  const key = { id: '1', label: null as unknown as string }

  expect(redactedLabels([key])[0]).toBe(key)
})

test("a token in a role's or a user's name is redacted the same way", () => {
  const role = { id: 7, name: 'Catalog - Read only' }
  const [kept, custom] = redactedText(
    [role, { id: 8, name: `Custom ${T}` }],
    'name'
  )

  expect(kept).toBe(role)
  expect(custom).toEqual({
    id: 8,
    name: 'Custom QWER…[128 characters redacted]',
  })
})

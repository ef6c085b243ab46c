import { keyPageMissing } from './keyPageMissing'
import { say } from '../services/wording'
import type { Missing } from './types'
import { wording } from './wording'

const keyRoles = (label: string, appKey: string) =>
  wording('inventory.missing.keyRoles', {
    label,
    appKey,
    because: wording('inventory.missing.because', { reason: 'HTTP 500' }),
  })

const FREIGHT = 'vtexappkey-acme-FREIGHT'
const missing: Missing[] = [
  keyRoles('Invoice issuer', 'vtexappkey-acme-INVOICE'),
  keyRoles('Freight quotes', FREIGHT),
  wording('inventory.missing.userRoles', {
    email: 'ana@acme.com',
    because: '',
  }),
  wording('inventory.missing.roleList', { because: '' }),
  wording('inventory.missing.externalKeyRoles', {
    appKey: 'vtexappkey-other-X',
    because: '',
  }),
  'roles of key “Old” (vtexappkey-acme-OLD)',
]

describe('keyPageMissing (the key page names its own failure, counts the others)', () => {
  it("names this key's roles first, then what the account lacks, then the others as a count", () => {
    const words = keyPageMissing(missing, FREIGHT).map((m) =>
      typeof m === 'string' ? m : say('en', m)
    )

    expect(words).toEqual([
      'roles of key “Freight quotes” (vtexappkey-acme-FREIGHT) (HTTP 500)',
      'the account role list, so role products are missing',
      'roles of key “Old” (vtexappkey-acme-OLD)',
      'roles of 3 other keys and users',
    ])
  })

  it("words the count in the admin's language, one or many", () => {
    const one = keyPageMissing([missing[0]], FREIGHT)

    expect(one.map((m) => say('pt', m as never))).toEqual([
      'perfis de 1 outra chave ou usuário',
    ])
    expect(
      keyPageMissing(missing, FREIGHT)
        .map((m) => (typeof m === 'string' ? m : say('es', m)))
        .pop()
    ).toBe('roles de 3 otras claves y usuarios')
  })

  it('leaves a list without other subjects as it was, and a key with no failure of its own names none', () => {
    const account = [wording('inventory.missing.userList', { because: '' })]

    expect(keyPageMissing(account, FREIGHT)).toEqual(account)
    expect(keyPageMissing([], FREIGHT)).toEqual([])
    expect(keyPageMissing([missing[1]], 'vtexappkey-acme-OTHER')).toEqual([
      wording('inventory.missing.otherRoles', { count: 1 }),
    ])
  })
})

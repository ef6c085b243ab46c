import {
  describeRequirement,
  FIND_USER_BY_EMAIL,
  GET_ROLES_PAGED,
  GET_USERS_PAGED,
  holdsRequirement,
  READ,
  RENEW_API_TOKEN,
  SAVE_USER,
  WRITE,
} from './resources'
import { english, say } from '../services/wording'

/** A License Manager stand-in that records what it was asked. */
function licenseManager(answers: Record<string, boolean | Error>) {
  const asked: string[] = []
  const holds = async (key: string) => {
    asked.push(key)
    const a = answers[key] ?? false

    if (a instanceof Error) throw a

    return a
  }

  return { asked, holds }
}

describe('holdsRequirement', () => {
  it('passes on the legacy resource without asking for the newer one', async () => {
    const lm = licenseManager({ Save_User: true })

    expect(await holdsRequirement(SAVE_USER, lm.holds)).toBe(true)
    expect(lm.asked).toEqual(['Save_User'])
  })

  it('passes on the newer resource alone, asking the legacy one first', async () => {
    const lm = licenseManager({ EditAdminUsers: true })

    expect(await holdsRequirement(SAVE_USER, lm.holds)).toBe(true)
    expect(lm.asked).toEqual(['Save_User', 'EditAdminUsers'])
  })

  it('fails when neither is held, after asking each once', async () => {
    const lm = licenseManager({ ViewApiKeys: true, EditApiKeys: true })

    expect(await holdsRequirement(SAVE_USER, lm.holds)).toBe(false)
    expect(lm.asked).toEqual(['Save_User', 'EditAdminUsers'])
  })

  it('fails closed: an outage on the first question is an error, and nothing else is asked', async () => {
    const lm = licenseManager({
      Save_User: new Error('License Manager did not answer'),
      EditAdminUsers: true,
    })

    await expect(holdsRequirement(SAVE_USER, lm.holds)).rejects.toThrow(
      'did not answer'
    )
    expect(lm.asked).toEqual(['Save_User'])
  })

  it('fails closed: an outage on a later alternative is an error, not a "no"', async () => {
    const lm = licenseManager({ EditAdminUsers: new Error('timeout') })

    await expect(holdsRequirement(SAVE_USER, lm.holds)).rejects.toThrow(
      'timeout'
    )
  })
})

describe('the requirements', () => {
  it('follow VTEX’s 2025 mapping of legacy to newer admin-user resources', () => {
    const keys = (r: ReadonlyArray<{ key: string }>) => r.map((x) => x.key)

    expect(keys(SAVE_USER)).toEqual(['Save_User', 'EditAdminUsers'])
    expect(keys(GET_ROLES_PAGED)).toEqual(['Get_Roles_Paged', 'ViewAdminUsers'])
    expect(keys(GET_USERS_PAGED)).toEqual(['Get_Users_Paged', 'ViewAdminUsers'])
    expect(keys(FIND_USER_BY_EMAIL)).toEqual([
      'Get_User_By_Identifier',
      'ViewAdminUsers',
    ])
    // VTEX documents no newer equivalent for the API Key Management resources.
    expect(RENEW_API_TOKEN).toEqual([
      { key: 'RenewApiToken', name: 'Renew API Token' },
    ])
    expect(english(describeRequirement(RENEW_API_TOKEN))).toBe(
      '“Renew API Token”'
    )
    expect(READ).toEqual([
      SAVE_USER,
      GET_ROLES_PAGED,
      GET_USERS_PAGED,
      FIND_USER_BY_EMAIL,
    ])
    expect(WRITE).toBe(SAVE_USER)
  })

  it('are named with the legacy resource and its newer equivalent', () => {
    expect(english(describeRequirement(SAVE_USER))).toBe(
      '“Save user” (or its newer equivalent “Edit Admin Users”)'
    )
    expect(
      english(
        describeRequirement([{ key: 'RenewApiToken', name: 'Renew API Token' }])
      )
    ).toBe('“Renew API Token”')
    // several newer equivalents: plural, in each language (VTEX's names stay as VTEX spells them)
    const two = describeRequirement([
      { key: 'A', name: 'Legacy' },
      { key: 'B', name: 'New one' },
      { key: 'C', name: 'New two' },
    ])

    expect(english(two)).toBe(
      '“Legacy” (or its newer equivalents “New one”, “New two”)'
    )
    expect(say('pt', describeRequirement(SAVE_USER))).toBe(
      '“Save user” (ou seu equivalente mais novo “Edit Admin Users”)'
    )
    expect(say('es', two)).toBe(
      '“Legacy” (o sus equivalentes más recientes “New one”, “New two”)'
    )
  })
})

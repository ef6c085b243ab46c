import { ACCESS_TTL_MS, checkAccess } from './sessionAccess'

const acme = (token: string) => ({ account: 'acme', token })

describe('checkAccess', () => {
  it('remembers a yes for a short time, per session and resource', async () => {
    const ask = jest.fn(async () => true)

    expect(await checkAccess(acme('token-a'), 'Save_User', ask, 0)).toBe(true)
    expect(
      await checkAccess(acme('token-a'), 'Save_User', ask, ACCESS_TTL_MS - 1)
    ).toBe(true)
    expect(ask).toHaveBeenCalledTimes(1)
    await checkAccess(acme('token-b'), 'Save_User', ask, 10)
    await checkAccess(acme('token-a'), 'Get_Paged_Users', ask, 10)
    expect(ask).toHaveBeenCalledTimes(3)
    // after the time is up, VTEX is asked again
    await checkAccess(acme('token-a'), 'Save_User', ask, ACCESS_TTL_MS + 1)
    expect(ask).toHaveBeenCalledTimes(4)
  })

  it('remembers a yes for the account it was given in only: the same token (one user) in another account is asked again', async () => {
    const ask = jest.fn(async (account: string) => account === 'acme')

    expect(
      await checkAccess(acme('token-u'), 'Save_User', () => ask('acme'), 0)
    ).toBe(true)
    expect(
      await checkAccess(
        { account: 'globex', token: 'token-u' },
        'Save_User',
        () => ask('globex'),
        1
      )
    ).toBe(false)
    expect(ask).toHaveBeenCalledTimes(2)
  })

  it('never remembers a no or an error: the next request asks again (fails closed)', async () => {
    const no = jest.fn(async () => false)

    expect(await checkAccess(acme('token-c'), 'Save_User', no, 0)).toBe(false)
    expect(await checkAccess(acme('token-c'), 'Save_User', no, 1)).toBe(false)
    expect(no).toHaveBeenCalledTimes(2)
    const down = jest.fn(async () => {
      throw new Error('503')
    })

    await expect(
      checkAccess(acme('token-d'), 'Save_User', down, 0)
    ).rejects.toThrow('503')
    await expect(
      checkAccess(acme('token-d'), 'Save_User', down, 1)
    ).rejects.toThrow('503')
    expect(down).toHaveBeenCalledTimes(2)
  })
})

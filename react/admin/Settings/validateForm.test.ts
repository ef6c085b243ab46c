import type { SettingLimit } from './validateForm'
import { checkList, checkNumber } from './validateForm'

const days: SettingLimit = {
  field: 'rotationDays',
  min: 30,
  max: 365,
  maxItems: null,
  maxLength: null,
}

const emails: SettingLimit = {
  field: 'reminderEmails',
  min: null,
  max: null,
  maxItems: 2,
  maxLength: 254,
}

describe('settings form checks', () => {
  it.each([
    ['', 'REQUIRED'],
    ['90.5', 'NOT_WHOLE_NUMBER'],
    ['abc', 'NOT_WHOLE_NUMBER'],
    ['10', 'OUT_OF_RANGE'],
    ['366', 'OUT_OF_RANGE'],
  ])('refuses %j as %s with the range from the served limits', (text, code) => {
    expect(checkNumber('rotationDays', text, days)).toEqual({
      field: 'rotationDays',
      code,
      params: { min: 30, max: 365 },
    })
  })

  it('accepts a whole number in range', () => {
    expect(checkNumber('rotationDays', ' 180 ', days)).toBeNull()
  })

  it('names every bad entry of a list, each once, and counts too many', () => {
    expect(
      checkList('reminderEmails', ['ops@acme.com', 'ops.acme.com'], emails)
    ).toEqual([
      { field: 'reminderEmails', code: 'BAD_EMAIL', entry: 'ops.acme.com' },
    ])
    expect(
      checkList('auditors', ['bad1', 'ok@acme.com', 'bad2', 'bad1'], undefined)
    ).toEqual([
      { field: 'auditors', code: 'BAD_EMAIL', entry: 'bad1' },
      { field: 'auditors', code: 'BAD_EMAIL', entry: 'bad2' },
    ])
    expect(
      checkList(
        'reminderEmails',
        ['a@acme.com', 'b@acme.com', 'c@acme.com'],
        emails
      )
    ).toEqual([
      {
        field: 'reminderEmails',
        code: 'TOO_MANY',
        params: { max: 2, count: 3 },
      },
    ])
    expect(checkList('scanExtraPaths', ['/ok', 'no slash'], undefined)).toEqual(
      [{ field: 'scanExtraPaths', code: 'BAD_PATH', entry: 'no slash' }]
    )
  })
})

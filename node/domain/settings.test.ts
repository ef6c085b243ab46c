import { DEFAULT_SETTINGS, MAX_AUDITORS, validateSettings, withDefaults } from './settings'

describe('auditors setting', () => {
  it('defaults to none, also for settings stored before it existed', () => {
    expect(DEFAULT_SETTINGS.auditors).toEqual([])
    expect(withDefaults({ rotationDays: 90 }).auditors).toEqual([])
  })

  it('keeps e-mails trimmed, lower-cased and once each', () => {
    const r = validateSettings(DEFAULT_SETTINGS, { auditors: [' Carla@Acme.com ', 'carla@acme.com', 'audit@firm.example'] })
    expect(r).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, auditors: ['carla@acme.com', 'audit@firm.example'] } })
  })

  it.each<[string, unknown]>([
    ['not an e-mail', ['carla']],
    ['an empty entry', ['']],
    ['not a list', 'carla@acme.com'],
    ['a number', [42]],
    ['too many', Array.from({ length: MAX_AUDITORS + 1 }, (_, i) => `a${i}@acme.com`)],
  ])('refuses %s, naming the field, and changes nothing', (_name, auditors) => {
    const r = validateSettings(DEFAULT_SETTINGS, { auditors, rotationDays: 180 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors.map(e => e.field)).toEqual(['auditors'])
  })
})

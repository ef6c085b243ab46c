import { NO_RENEWAL } from '../types'
import { renewalMissingFromLog } from './renewalLogged'

const FINISHED = {
  ...NO_RENEWAL,
  status: 'FINISHED' as const,
  startedAt: '2026-08-15T10:00:00Z',
  startedBy: 'gustavo@acme.com',
  finishedAt: '2026-08-18T11:00:00Z',
  finishedBy: 'gustavo@acme.com',
}

describe('renewalMissingFromLog', () => {
  it.each([
    ['no renewal on record', NO_RENEWAL, [], false],
    [
      'a renewal found pending in VTEX, started elsewhere',
      {
        ...NO_RENEWAL,
        status: 'PENDING' as const,
        startedAt: '2026-11-01T00:00:00Z',
      },
      [],
      false,
    ],
    ['a finished renewal with an empty log', FINISHED, [], true],
    [
      'a finished renewal whose start is logged',
      FINISHED,
      [{ action: 'RENEW_TOKEN', at: '2026-08-15T10:00:00Z' }],
      false,
    ],
    [
      'a finished renewal, the log holding only an older renewal and a deactivation',
      FINISHED,
      [
        { action: 'RENEW_TOKEN', at: '2026-02-01T10:00:00Z' },
        { action: 'DEACTIVATE', at: '2026-09-01T10:00:00Z' },
      ],
      true,
    ],
    [
      'a recorded renewal whose record is logged',
      {
        ...NO_RENEWAL,
        status: 'RECORDED' as const,
        recordedBy: 'ana@acme.com',
        recordedAt: '2026-11-20T08:00:00Z',
      },
      [{ action: 'RECORD_RENEWAL', at: '2026-11-20T08:00:01Z' }],
      false,
    ],
  ])('%s → %s', (_, renewal, log, missing) => {
    expect(renewalMissingFromLog(renewal, log as never)).toBe(missing)
  })
})

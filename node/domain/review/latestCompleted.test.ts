// The latest completed review, read from an index that may be damaged (attack9 #3): an entry
// without a readable sign-off time is never taken as the latest, so an account with a completed
// review never reads "no access review completed yet" (nor fails the Overview) because of it.
import type { ReviewIndex } from './types'
import { lastCompletedAt, latestCompleted } from './machine'

const entry = (id: string, completedAt: unknown) =>
  ({
    id,
    startedAt: '2026-11-01T10:00:00.000Z',
    completedAt,
    signedBy: 'ana@acme.com',
    keys: 3,
  } as ReviewIndex['completed'][number])

describe('latestCompleted', () => {
  it('is the latest by sign-off time; on equal times the one appended later', () => {
    const index = {
      completed: [
        entry('b', '2026-11-02T12:00:00.000Z'),
        entry('a', '2026-11-01T12:00:00.000Z'),
        entry('c', '2026-11-02T12:00:00.000Z'),
      ],
    }

    expect(latestCompleted(index)?.id).toBe('c')
    expect(lastCompletedAt(index)).toBe('2026-11-02T12:00:00.000Z')
  })

  it.each([[undefined], [null], ['yesterday'], [7], [{}], ['']])(
    'leaves out an entry whose time is %p',
    (damaged) => {
      const index = {
        completed: [
          entry('a', '2026-11-01T12:00:00.000Z'),
          entry('x', damaged),
        ],
      }

      expect(lastCompletedAt(index)).toBe('2026-11-01T12:00:00.000Z')
      expect(latestCompleted(index)?.id).toBe('a')
    }
  )

  // the history leaves out what readableEntry cannot read: the latest must be a row it shows
  it.each([
    ['no id', { id: undefined }],
    ['no signer', { signedBy: null }],
    ['no count of keys', { keys: 'three' }],
    ['no start', { startedAt: undefined }],
  ])('leaves out a later entry with %s', (_, damage) => {
    const index = {
      completed: [
        entry('a', '2026-11-01T12:00:00.000Z'),
        { ...entry('x', '2026-11-02T12:00:00.000Z'), ...damage },
      ],
    }

    expect(latestCompleted(index)?.id).toBe('a')
    expect(lastCompletedAt(index)).toBe('2026-11-01T12:00:00.000Z')
  })

  it('is none without a readable entry, or without an index', () => {
    expect(lastCompletedAt({ completed: [] })).toBeNull()
    expect(lastCompletedAt({ completed: [entry('x', null)] })).toBeNull()
    expect(lastCompletedAt({ completed: [null, 3] })).toBeNull()
    expect(lastCompletedAt({ completed: 'all' })).toBeNull()
    expect(lastCompletedAt({})).toBeNull()
    expect(lastCompletedAt(null)).toBeNull()
  })
})

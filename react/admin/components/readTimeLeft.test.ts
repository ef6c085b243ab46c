import { minutesLeft } from './readTimeLeft'

describe('minutesLeft (walk12)', () => {
  it('estimates from the average pace so far', () => {
    // 1,290 of 6,000 in 59 s: ~215 s left
    expect(minutesLeft(1290, 6000, 59)).toBe(4)
    // 1,230 of 6,000 in 8 s: ~31 s left
    expect(minutesLeft(1230, 6000, 8)).toBe(0)
    expect(minutesLeft(3000, 6000, 60)).toBe(1)
  })

  it('says nothing while too early to tell, or when nothing is left', () => {
    expect(minutesLeft(450, 6000, 3)).toBeNull()
    expect(minutesLeft(50, 6000, 20)).toBeNull()
    expect(minutesLeft(0, 6000, 20)).toBeNull()
    expect(minutesLeft(6000, 6000, 40)).toBeNull()
  })
})

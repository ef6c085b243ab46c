jest.setTimeout(2000)
it('sync busy 4s', () => { const t = Date.now(); while (Date.now() - t < 4000) {} expect(1).toBe(1) })
it('sync busy 4s third arg', () => { const t = Date.now(); while (Date.now() - t < 4000) {} expect(1).toBe(1) }, 2000)

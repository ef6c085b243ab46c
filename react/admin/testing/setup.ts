// jsdom lacks matchMedia, which the styleguide's Layout uses (use-media).
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
})

// Every component test: whatever it left on the page has no live region inside another.
// @testing-library/react registers its cleanup (an afterEach) when first imported; importing it
// here first makes this check, registered after it, run before it (jest runs afterEach hooks in
// reverse order), so the check sees the page the test rendered.
// eslint-disable-next-line import/first
import { configure } from '@testing-library/react'

// eslint-disable-next-line import/first
import { nestedLiveRegions } from './liveRegions'

afterEach(() => {
  const nested = nestedLiveRegions(document.body)

  if (nested.length)
    throw new Error(
      `A live region inside another (announced twice):\n${nested.join('\n')}`
    )
})

// A page's mocked queries answer in a few ticks, but on a loaded 2-core CI machine (the browser
// suites and other jobs beside) a page needing several rounds missed waitFor's 1 s default: two
// ReviewPage tests failed once in a clean-clone run and passed alone. Waiting longer changes no
// outcome, only how long a real failure takes to report.
configure({ asyncUtilTimeout: 5000 })

// The same for a whole test: the keys page's longest tests take 2–3.5 s alone and one passed its
// 5 s default under load (the node suite and helpers beside it). A real hang still fails, later.
jest.setTimeout(20_000)

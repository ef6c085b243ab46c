// A form's submit button is disabled while its request runs, and the browser drops focus to the
// page's start. Once the answer is shown, focus goes back into the form: to its first field
// marked invalid (aria-invalid="true", in the form's order), else to its submit button, beside
// the notice that says how it went. Settings and the external key registration share it.
import type { RefObject } from 'react'
import { useEffect, useRef, useState } from 'react'

export function useAnswerFocus<T extends HTMLElement = HTMLFormElement>(): [
  RefObject<T>,
  () => void
] {
  const form = useRef<T>(null)
  // counted, not timed: two refusals in a row each move focus
  const [answers, setAnswers] = useState(0)

  useEffect(() => {
    if (!answers) return
    const el = form.current
    const target =
      el?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      el?.querySelector<HTMLElement>('button[type="submit"]')

    target?.focus()
  }, [answers])

  return [form, () => setAnswers((n) => n + 1)]
}

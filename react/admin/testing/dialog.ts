// What every modal dialog of the app does for keyboard and screen-reader users (Modal.tsx), as
// the dialogs' tests check it: named by its title, modal, Tab kept inside, focus given back.
import { fireEvent, waitFor } from '@vtex/test-tools/react'

const CONTROLS =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled])'

/** Checks the dialog is modal and returns its name: the text its aria-labelledby points at. */
export function modalName(dialog: HTMLElement): string {
  expect(dialog.getAttribute('role')).toBe('dialog')
  expect(dialog.getAttribute('aria-modal')).toBe('true')
  const title = document.getElementById(
    dialog.getAttribute('aria-labelledby') ?? ''
  )

  expect(title).not.toBeNull()

  return title?.textContent ?? ''
}

/** Tab from the last control goes to the first, Shift+Tab back; focus outside is brought in. */
export function expectTabTrapped(dialog: HTMLElement): void {
  const controls = Array.from(dialog.querySelectorAll<HTMLElement>(CONTROLS))

  expect(controls.length).toBeGreaterThan(1)
  const [first] = controls
  const last = controls[controls.length - 1]

  last.focus()
  fireEvent.keyDown(last, { key: 'Tab' })
  expect(document.activeElement).toBe(first)
  fireEvent.keyDown(first, { key: 'Tab', shiftKey: true })
  expect(document.activeElement).toBe(last)
  // focus that escaped to the page behind is brought back in
  document.body.focus()
  fireEvent.keyDown(dialog, { key: 'Tab' })
  expect(dialog.contains(document.activeElement)).toBe(true)
}

/** Waits until the focus is back on what opened the dialog. */
export function focusReturnsTo(opener: Element | null): Promise<void> {
  return waitFor(() => expect(document.activeElement).toBe(opener))
}

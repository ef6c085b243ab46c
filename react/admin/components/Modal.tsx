// A modal dialog as WAI-ARIA describes it (role="dialog", aria-modal, named by its title):
// focus moves into it when it opens (the element marked data-initial-focus, else its first
// control), Tab and Shift+Tab stay inside, Esc calls onEscape, and when it goes away focus goes
// back to what opened it. vtex.styleguide's ModalDialog does none of this, so every dialog of
// the app is built on this one.
import React, { useEffect, useImperativeHandle, useRef } from 'react'
import { createPortal } from 'react-dom'

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** The first control inside `root` matching `selector` (the marked element or a control in it). */
export function focusInside(root: HTMLElement | null, selector: string): void {
  const marked = root?.querySelector<HTMLElement>(selector)

  if (!marked) return
  const target = marked.matches(FOCUSABLE)
    ? marked
    : marked.querySelector<HTMLElement>(FOCUSABLE)

  target?.focus()
}

interface Props {
  /** id of the element (a heading inside) that names the dialog */
  labelledBy: string
  /** Esc: close, or ask first (the caller decides) */
  onEscape: () => void
  /**
   * Where focus goes when the dialog is gone; by default the element that had it when the
   * dialog opened. Either way only if focus was lost with the dialog (nothing else took it,
   * e.g. a second dialog opened from this one).
   */
  returnFocus?: () => void
  testId?: string
  maxWidth?: string
}

let dialogs = 0

/** A unique id per dialog instance (React 16 has no useId). */
export function useDialogId(prefix: string): string {
  const id = useRef<string>()

  id.current ??= `${prefix}-${++dialogs}`

  return id.current
}

const Modal = React.forwardRef<HTMLDivElement, React.PropsWithChildren<Props>>(
  function Modal(
    { labelledBy, onEscape, returnFocus, testId, maxWidth = '40rem', children },
    ref
  ) {
    const box = useRef<HTMLDivElement>(null)
    const opener = useRef<Element | null>(
      typeof document === 'undefined' ? null : document.activeElement
    )

    const returnTo = useRef(returnFocus)

    returnTo.current = returnFocus
    useImperativeHandle(ref, () => box.current as HTMLDivElement)

    useEffect(() => {
      const root = box.current
      const from = opener.current

      if (root?.querySelector('[data-initial-focus]'))
        focusInside(root, '[data-initial-focus]')
      else root?.querySelector<HTMLElement>(FOCUSABLE)?.focus()

      return () => {
        setTimeout(() => {
          const active = document.activeElement

          // Another dialog (or the page) took the focus: leave it there.
          if (active && active !== document.body) return
          if (returnTo.current) returnTo.current()
          else if (from instanceof HTMLElement) from.focus()
        }, 0)
      }
    }, [])

    const onKeyDown = (e: React.KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation()
        onEscape()

        return
      }

      if (e.key !== 'Tab' || !box.current) return
      const items = Array.from(
        box.current.querySelectorAll<HTMLElement>(FOCUSABLE)
      )

      if (!items.length) return
      const [first] = items
      const last = items[items.length - 1]
      const active = document.activeElement

      if (e.shiftKey && (active === first || !box.current.contains(active))) {
        e.preventDefault()
        last.focus()
      } else if (
        !e.shiftKey &&
        (active === last || !box.current.contains(active))
      ) {
        e.preventDefault()
        first.focus()
      }
    }

    // In a portal on the page's body: above every block of the page.
    return createPortal(
      <div
        className="fixed top-0 left-0 w-100 h-100 flex items-center justify-center"
        style={{ background: 'rgba(0,0,0,0.5)', zIndex: 10000 }}
      >
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a modal dialog traps Tab and answers Esc (WAI-ARIA dialog pattern) */}
        <div
          ref={box}
          role="dialog"
          aria-modal="true"
          aria-labelledby={labelledBy}
          className="bg-base br2 pa6 overflow-auto"
          style={{ maxWidth, maxHeight: '90vh', width: '100%' }}
          onKeyDown={onKeyDown}
          data-testid={testId}
        >
          {children}
        </div>
      </div>,
      document.body
    )
  }
)

export default Modal

// vtex.styleguide's Button and Input pass no aria-* props to their element, only a ref (its
// forwardedRef). This sets the attributes on that element after each render (null removes one);
// React leaves attributes it did not render alone.
import type { RefObject } from 'react'
import { useEffect } from 'react'

export function useAriaAttributes(
  ref: RefObject<HTMLElement>,
  attributes: Record<`aria-${string}`, string | null | undefined>
): void {
  const key = JSON.stringify(attributes)

  useEffect(() => {
    const element = ref.current

    if (!element) return
    for (const [name, value] of Object.entries(attributes)) {
      if (value == null || value === '') element.removeAttribute(name)
      else element.setAttribute(name, value)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is the attributes' value
  }, [ref, key])
}

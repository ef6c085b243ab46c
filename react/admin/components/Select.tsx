// vtex.styleguide's Dropdown for every select of the Admin, named by its label alone. The
// Dropdown puts its <select> inside a <label> that also holds the option shown, so a screen
// reader named it by its label and its value ("Reminder language English", then the value again:
// walk14 #14). Here aria-labelledby (which wins over the wrapping label) points at a hidden copy
// of the label; the look, the options and the keyboard are the Dropdown's own.
import React, { useRef, useState } from 'react'
import { Dropdown } from 'vtex.styleguide'

import { useAriaAttributes } from './useAriaAttributes'

let made = 0

interface Props {
  label: React.ReactNode
  // every other Dropdown prop, as the styleguide takes it
  [prop: string]: unknown
}

const Select: React.FC<Props> = (props) => {
  const select = useRef<HTMLSelectElement>(null)
  const [labelId] = useState(() => `select-label-${++made}`)

  useAriaAttributes(select, { 'aria-labelledby': labelId })

  return (
    <>
      <Dropdown {...props} ref={select} />
      <span id={labelId} hidden>
        {props.label}
      </span>
    </>
  )
}

export default Select

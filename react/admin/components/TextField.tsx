// A text field with its errors and help outside the label (so the field's name is its label
// only), linked to the input by aria-describedby, and aria-invalid while it is refused:
// vtex.styleguide's Input for its look. A list field may have several errors, one per bad entry.
// Settings and the external key registration use it, with useAnswerFocus for focus after a refusal.
import React, { useRef } from 'react'
import { Input } from 'vtex.styleguide'

import { useAriaAttributes } from './useAriaAttributes'

interface Props {
  id: string
  name: string
  label: string
  help: string
  errors: string[]
  value: string
  numeric?: boolean
  /** for what is not a word (an appKey): no autofill, no spelling marks */
  code?: boolean
  /** the box around the field and its messages (Settings' column by default) */
  className?: string
  onChange: (value: string) => void
}

const TextField: React.FC<Props> = ({
  id,
  name,
  label,
  help,
  errors,
  value,
  numeric,
  code,
  className = 'mb5 w-100 mw6',
  onChange,
}) => {
  const input = useRef<HTMLInputElement>(null)
  const errorId = `${id}-error`
  const helpId = `${id}-help`
  const invalid = errors.length > 0

  useAriaAttributes(input, {
    'aria-invalid': invalid ? 'true' : null,
    'aria-describedby': [invalid ? errorId : '', help ? helpId : '']
      .filter(Boolean)
      .join(' '),
  })

  // One width at every viewport (at most 32rem): a half-width column at the -l breakpoint made
  // the same field 880 px wide in a 1014 px frame and 443 px in a 1024 px one.
  return (
    <div className={className}>
      <Input
        ref={input}
        id={id}
        name={name}
        type="text"
        inputMode={numeric ? 'numeric' : undefined}
        autoComplete={code ? 'off' : undefined}
        spellCheck={code ? 'false' : undefined}
        label={label}
        value={value}
        error={invalid}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
          onChange(e.target.value)
        }
      />
      {invalid && (
        <div
          id={errorId}
          className="c-danger t-small mt3 lh-title"
          data-field-error={name}
        >
          {errors.length === 1 ? (
            errors[0]
          ) : (
            <ul className="mv0 pl4">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {help && (
        <div id={helpId} className="c-muted-1 t-small mt3 lh-title">
          {help}
        </div>
      )}
    </div>
  )
}

export default TextField

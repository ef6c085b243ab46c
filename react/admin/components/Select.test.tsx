import { readdirSync, readFileSync, statSync } from 'fs'
import { join } from 'path'

import React from 'react'
import { fireEvent, render } from '@vtex/test-tools/react'

import Select from './Select'

const LOCALES = [
  { value: 'en', label: 'English' },
  { value: 'pt', label: 'Portuguese' },
]

describe('Select', () => {
  it('is named by its label alone, not by its label and the option shown (walk14 #14)', () => {
    const { getByRole } = render(
      <Select
        label="Reminder language"
        helpText="The language of the reminder e-mails."
        value="en"
        options={LOCALES}
        onChange={() => undefined}
      />
    )

    const select = getByRole('combobox', { name: 'Reminder language' })

    expect(select.tagName).toBe('SELECT')
    // the label is still shown once, by the styleguide (the copy it is named by is hidden)
    const labelled = document.getElementById(
      select.getAttribute('aria-labelledby')!
    )!

    expect(labelled.hidden).toBe(true)
    expect(labelled.textContent).toBe('Reminder language')
  })

  it('gives each select its own label (two on one page)', () => {
    const { getByRole } = render(
      <>
        <Select label="Severity" value="" options={LOCALES} />
        <Select label="Rule" value="" options={LOCALES} />
      </>
    )

    expect(getByRole('combobox', { name: 'Severity' })).not.toBe(
      getByRole('combobox', { name: 'Rule' })
    )
  })

  it('changes as the Dropdown does: the value picked (keyboard or mouse) reaches onChange', () => {
    const changed: string[] = []
    const { getByRole } = render(
      <Select
        label="Reminder language"
        value="en"
        options={LOCALES}
        onChange={(_: unknown, v: string) => changed.push(v)}
      />
    )

    const select = getByRole('combobox', { name: 'Reminder language' })

    select.focus()
    expect(document.activeElement).toBe(select)
    fireEvent.change(select, { target: { value: 'pt' } })
    expect(changed).toEqual(['pt'])
  })

  it('is what every page uses: no page imports the styleguide’s Dropdown itself', () => {
    const admin = join(__dirname, '..')
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const path = join(dir, f)

        return statSync(path).isDirectory() ? files(path) : [path]
      })

    const direct = files(admin).filter(
      (f) =>
        /\.tsx?$/.test(f) &&
        !f.endsWith('Select.tsx') &&
        !f.endsWith('.test.tsx') &&
        /import \{[^}]*\bDropdown\b[^}]*\} from 'vtex\.styleguide'/.test(
          readFileSync(f, 'utf8')
        )
    )

    expect(direct).toEqual([])
  })
})

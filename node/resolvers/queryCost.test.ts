import { english } from '../services/wording'
import type { InfoLike } from './queryCost'
import { LIMITS, tooCostly as why } from './queryCost'

/** Why, in English (the GraphQL answer words it in the request's language). */
const tooCostly = (info: InfoLike) => {
  const w = why(info)

  return w ? english(w) : null
}

const field = (name: string, ...children: unknown[]) => ({
  kind: 'Field',
  name: { value: name },
  ...(children.length ? { selectionSet: { selections: children } } : {}),
})

const op = (...roots: unknown[]): InfoLike =>
  ({
    operation: { selectionSet: { selections: roots } },
    fragments: {},
  } as never)

describe('tooCostly', () => {
  it('lets a page’s request through', () => {
    expect(
      tooCostly(
        op(
          field(
            'inventory',
            field('keys', field('id'), field('findings', field('rule')))
          ),
          field('hygiene', field('score'))
        )
      )
    ).toBeNull()
  })
  it('refuses too many root fields (aliases count)', () => {
    expect(
      tooCostly(
        op(
          ...Array.from({ length: LIMITS.rootFields + 1 }, () =>
            field('rules', field('id'))
          )
        )
      )
    ).toMatch(/at most 12 fields at the root/)
  })
  it('refuses a costly field twice', () => {
    expect(
      tooCostly(
        op(field('runLeakScan', field('at')), field('runLeakScan', field('at')))
      )
    ).toMatch(/runLeakScan at most once/)
  })
  it('counts nested aliases and fragments', () => {
    const many = Array.from({ length: LIMITS.fields }, () =>
      field('findings', field('rule'))
    )

    expect(tooCostly(op(field('inventory', field('keys', ...many))))).toMatch(
      /at most 600 fields/
    )
    const viaFragment: InfoLike = {
      operation: {
        selectionSet: {
          selections: [{ kind: 'FragmentSpread', name: { value: 'F' } }],
        },
      },
      fragments: {
        F: {
          selectionSet: {
            selections: Array.from({ length: 13 }, () => field('rules')),
          },
        },
      },
    } as never

    expect(tooCostly(viaFragment)).toMatch(/at the root/)
  })
  it('refuses deep nesting', () => {
    let deep = field('id')

    for (let i = 0; i < LIMITS.depth + 1; i++) deep = field('x', deep)
    expect(tooCostly(op(deep))).toMatch(/levels of nesting/)
  })
})

describe('tooCostly on hostile shapes', () => {
  it('refuses fragments spread twice into each other at once, without expanding them', () => {
    const fragments: Record<string, unknown> = {}

    for (let i = 0; i < 40; i++)
      fragments[`F${i}`] = {
        selectionSet: {
          selections: [
            field('id'),
            { kind: 'FragmentSpread', name: { value: `F${i + 1}` } },
            { kind: 'FragmentSpread', name: { value: `F${i + 1}` } },
          ],
        },
      }
    fragments.F40 = { selectionSet: { selections: [field('id')] } }
    expect(
      tooCostly({
        operation: {
          selectionSet: {
            selections: [
              field('rules', { kind: 'FragmentSpread', name: { value: 'F0' } }),
            ],
          },
        },
        fragments,
      } as never)
    ).toMatch(/at most 600 fields|simpler request/)
  })
})

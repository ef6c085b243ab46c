import { BOM, exportFileText } from './exportFile'

describe('the text of a downloaded export (walk12)', () => {
  it('starts a CSV with a UTF-8 byte-order mark, once', () => {
    const csv = '"label"\n"Integração ""Pedidos"""\n'

    expect(exportFileText('text/csv; charset=utf-8', csv)).toBe(`${BOM}${csv}`)
    expect(exportFileText('text/csv', `${BOM}${csv}`)).toBe(`${BOM}${csv}`)
  })

  it('leaves JSON as the service wrote it', () => {
    expect(exportFileText('application/json', '{"a":"ação"}')).toBe(
      '{"a":"ação"}'
    )
  })
})

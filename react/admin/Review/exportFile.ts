// The text of a downloaded review export. A CSV starts with a UTF-8 byte-order mark: Excel (on
// Windows, and in the pt-BR and es locales above all) reads a CSV without one in the ANSI code
// page, so "integrações" in a justification opens as "integraÃ§Ãµes". Spreadsheets and CSV
// readers that know UTF-8 skip the mark. JSON stays exactly as the service wrote it.
export const BOM = '\uFEFF'

export function exportFileText(contentType: string, content: string): string {
  return /^text\/csv\b/i.test(contentType) && !content.startsWith(BOM)
    ? `${BOM}${content}`
    : content
}

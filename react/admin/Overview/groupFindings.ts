import type { Finding } from '../types'

export interface SubjectFindings {
  subjectType: string
  subjectId: string
  worst: Finding
  findings: Finding[]
}

/**
 * One entry per subject (a key with two findings appears once), in the order of each subject's
 * first finding: the findings come most severe first, so the first is the subject's worst.
 */
export function groupBySubject(findings: Finding[]): SubjectFindings[] {
  const groups = new Map<string, SubjectFindings>()

  for (const f of findings) {
    const id = `${f.subjectType}:${f.subjectId}`
    const group = groups.get(id)

    if (group) group.findings.push(f)
    else
      groups.set(id, {
        subjectType: f.subjectType,
        subjectId: f.subjectId,
        worst: f,
        findings: [f],
      })
  }

  return [...groups.values()]
}

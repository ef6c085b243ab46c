export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFO'
export const SEVERITIES: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']

export interface Role { id: number; name: string; isAdmin: boolean; roleType?: number; products?: string[] }
export interface KeyFinding { rule: string; severity: Severity; practice?: string; message: string }
export interface Finding extends KeyFinding { subjectType: string; subjectId: string; subjectLabel: string }

export interface ApiKey {
  id: string
  appKey: string
  label: string
  createdAt: string
  isActive: boolean
  ageDays: number
  rolesKnown: boolean
  roles: Role[]
  findings: KeyFinding[]
  annotation?: Annotation | null
}

export interface Annotation { owner: string | null; integrations: string[]; purpose: string | null; notes: string | null }

export interface AdminUser {
  id: string
  email: string
  name: string
  isAdmin: boolean
  isBlocked: boolean
  rolesKnown: boolean
  roles: Role[]
  findings: KeyFinding[]
}

export interface Inventory {
  source: 'LIVE' | 'SNAPSHOT'
  generatedAt: string
  complete: boolean
  missing: string[]
  keys: ApiKey[]
  users: AdminUser[]
  roles: Role[]
}

export const worstSeverity = (findings: KeyFinding[]): Severity | null =>
  findings.reduce<Severity | null>((worst, f) => (worst === null || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(worst) ? f.severity : worst), null)

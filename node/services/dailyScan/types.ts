/** The daily snapshot's job as stored in VBase (schedule/schedule.json); its secret never leaves the service. */
export interface ScheduleDoc {
  secret: string
  jobId: string
  expression: string
  registeredAt: string
  lastScanAt?: string | null
  /** the scheduled time whose run was claimed */ runClaimedFor?: string | null
}

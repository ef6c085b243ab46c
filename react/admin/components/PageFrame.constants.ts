export const BASE = '/admin/app/key-steward'

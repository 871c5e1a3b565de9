/** JSON report: the report data as is (stable keys), pretty-printed. Pure. */
import type { Report } from './types.js';

export function toJSON(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

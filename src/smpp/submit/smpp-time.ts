/**
 * SMPP 3.4 time strings (7.1.1): absolute "YYMMDDhhmmsstnnp" and relative
 * "YYMMDDhhmmss000R". We write absolute times in UTC (nn = 00, p = '+').
 */
import { inputError } from '../errors/smpp-error';
import { describeType } from './addresses';

const SMPP_TIME = /^\d{12}[0-9]\d{2}[+\-R]$/;
export const MAX_RELATIVE_VALIDITY_S = 30 * 24 * 3600;

export function absoluteTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    two(date.getUTCFullYear() % 100) + two(date.getUTCMonth() + 1) + two(date.getUTCDate()) +
    two(date.getUTCHours()) + two(date.getUTCMinutes()) + two(date.getUTCSeconds()) +
    String(Math.floor(date.getUTCMilliseconds() / 100)) + '00+'
  );
}

export function relativeTime(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const days = Math.floor(seconds / 86400);
  const rest = seconds % 86400;
  return '0000' + two(days) + two(Math.floor(rest / 3600)) + two(Math.floor((rest % 3600) / 60)) + two(rest % 60) + '000R';
}

function toDate(value: unknown, field: string, rule: string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw inputError(field, `${rule}, got an invalid Date`);
    return value;
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw inputError(field, `${rule}, got ${describeType(value)}`);
}

/** When to deliver: a Date, an ISO 8601 date-time, or an SMPP time string. Not in the past. */
export function scheduleTime(value: unknown, now = Date.now(), field = 'schedule'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && SMPP_TIME.test(value)) return value;
  const date = toDate(value, field, 'must be a Date, an ISO 8601 date-time (2026-12-24T18:00:00Z) or an SMPP time string');
  if (date.getTime() < now - 60_000) throw inputError(field, `must not be in the past, got ${date.toISOString()}`);
  return absoluteTime(date);
}

/** How long the SMSC keeps trying: seconds from now (1 to 30 days), a Date or an ISO 8601 date-time in the future. */
export function validityTime(value: unknown, now = Date.now(), field = 'validity'): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > MAX_RELATIVE_VALIDITY_S) {
      throw inputError(field, `as a number it is whole seconds from 1 to ${MAX_RELATIVE_VALIDITY_S} (30 days), got ${value}`);
    }
    return relativeTime(value);
  }
  if (typeof value === 'string' && SMPP_TIME.test(value)) return value;
  const date = toDate(value, field, 'must be seconds from now, a Date, or an ISO 8601 date-time');
  if (date.getTime() <= now) throw inputError(field, `must be after the current time, got ${date.toISOString()}`);
  return absoluteTime(date);
}

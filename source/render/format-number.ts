// Numbers and dates as the renderers show them. Missing values (null, undefined, NaN)
// come out as MISSING rather than "NaN" or "null".

export const MISSING = '–';

function missing(n: number | null | undefined): n is null | undefined {
  return n === null || n === undefined || !Number.isFinite(n);
}

/** Thousands separators with a fixed number of decimals: 12345.6 → "12,345.6". (By hand, not
 *  toLocaleString: that builds an ICU formatter on every call, and tables call it per cell.) */
export function formatDecimal(n: number | null | undefined, digits = 1): string {
  if (missing(n)) return MISSING;
  const fixed = n.toFixed(digits);
  const sign = fixed.startsWith('-') ? '-' : '';
  const body = sign ? fixed.slice(1) : fixed;
  const point = body.indexOf('.');
  const whole = point < 0 ? body : body.slice(0, point);
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  return sign + grouped + (point < 0 ? '' : body.slice(point));
}

/** A whole number with thousands separators: 12345 → "12,345" (rounded). */
export function formatInteger(n: number | null | undefined): string {
  return formatDecimal(missing(n) ? n : Math.round(n), 0);
}

/** A count and its noun: `1 family`, `2 families` (`many` for an irregular plural; default
 *  the noun + s). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInteger(n)} ${n === 1 ? one : many}`;
}

/** A share (0–1) as a percentage with a space before the sign: 0.0861 → "8.6 %". */
export function formatPercent(share: number | null | undefined, digits = 1): string {
  if (missing(share)) return MISSING;
  return `${formatDecimal(share * 100, digits)} %`;
}

/** A signed difference: 12.34 → "+12.3", -0.5 → "-0.5", 0 → "0.0". */
export function formatSigned(n: number | null | undefined, digits = 1): string {
  if (missing(n)) return MISSING;
  const text = formatDecimal(Math.abs(n), digits);
  if (Number(text.replace(/,/g, '')) === 0) return text;
  return (n < 0 ? '-' : '+') + text;
}

/** A leaderboard score (0–100) with two decimals: 72.3141 → "72.31". */
export function formatScore(n: number | null | undefined): string {
  return missing(n) ? MISSING : n.toFixed(2);
}

/** Short counts: 999 → "999", 1234 → "1.2k", 12345 → "12k", 3.4e6 → "3.4M", 5.6e9 → "5.6B". */
export function formatCompact(n: number | null | undefined): string {
  if (missing(n)) return MISSING;
  const sign = n < 0 ? '-' : '';
  let value = Math.abs(n);
  if (value < 1000) return sign + (Number.isInteger(value) ? String(value) : trimZeros(value.toFixed(1)));
  for (const unit of ['k', 'M', 'B', 'T']) {
    value /= 1000;
    const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
    if (rounded < 1000 || unit === 'T') return `${sign}${trimZeros(String(rounded))}${unit}`;
  }
  return sign + String(value);
}

/** Parameters in billions: 7 → "7 B", 0.5 → "0.5 B", 46.7 → "46.7 B", 0.124 → "0.12 B";
 *  null, zero or negative (unknown) → "?". */
export function formatParams(billions: number | null | undefined): string {
  if (missing(billions) || billions <= 0) return '?';
  const digits = billions >= 1 ? 1 : 2;
  return `${trimZeros(billions.toFixed(digits))} B`;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A day as YYYY-MM-DD (from an ISO string, a Date, or UTC milliseconds). */
export function formatDate(value: string | Date | number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : MISSING;
  const time = value instanceof Date ? value.getTime() : value;
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 10) : MISSING;
}

/** A month as YYYY-MM. */
export function formatMonth(value: string | Date | number | null | undefined): string {
  const day = formatDate(value);
  return day === MISSING ? day : day.slice(0, 7);
}

/** An axis value with as many decimals as `step` needs: (2.5, 0.5) → "2.5", (20, 10) → "20". */
export function formatTick(n: number, step: number): string {
  let decimals = 0;
  while (decimals < 6 && step > 0 && Math.abs(step * 10 ** decimals - Math.round(step * 10 ** decimals)) > 1e-6) decimals++;
  const text = Math.abs(n) >= 10000 ? formatCompact(n) : n.toFixed(decimals);
  return text === '-0' ? '0' : text;
}

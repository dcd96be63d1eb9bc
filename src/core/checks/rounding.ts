import { FEN_PER, roundFen, type Fen, type MoneyUnit } from '../money';

/**
 * 尾差: amounts printed rounded (万元, 2 decimals) do not foot when the parts' rounding errors add up:
 * 46.294 + 7.334 = 53.628 prints as 46.29 + 7.33 ≠ 53.63. The tail is Σ printed parts − printed total,
 * in printed steps (0.01). A 尾差调整 keeps the total as printed (it is the exact figure rounded) and
 * moves the tail onto the parts whose rounding lost or gained the most (largest remainder), so that
 * every printed row foots while the facts stay exact.
 */
export interface Printed {
  unit: MoneyUnit;
  decimals: number;
}

export interface Footing {
  /** Printed values, in steps of the last printed decimal (53.63 → 5363). */
  total: number;
  parts: number[];
  /** Σ parts − total, in steps. */
  tail: number;
}

export function footing(total: Fen, parts: readonly Fen[], printed: Printed): Footing {
  const shownTotal = roundFen(total, printed.unit, printed.decimals);
  const shownParts = parts.map((part) => roundFen(part, printed.unit, printed.decimals));
  return { total: shownTotal, parts: shownParts, tail: shownParts.reduce((sum, part) => sum + part, 0) - shownTotal };
}

/**
 * The printed parts after a 尾差调整: the rounded total is kept, and each step of the tail is taken from
 * (or given to) the part whose exact value lies furthest from its printed value in that direction.
 */
export function adjustRounding(total: Fen, parts: readonly Fen[], printed: Printed): number[] {
  const { parts: shown, tail } = footing(total, parts, printed);
  const adjusted = [...shown];
  const stepFen = FEN_PER[printed.unit] / 10 ** printed.decimals;
  // Exact minus printed, in fen: positive when rounding lost something.
  const lost = parts.map((part, index) => part - (shown[index] ?? 0) * stepFen);
  const direction = tail > 0 ? -1 : 1;
  for (let step = 0; step < Math.abs(tail); step += 1) {
    let best = -1;
    for (let index = 0; index < adjusted.length; index += 1) {
      if (parts[index] === 0) continue;
      if (best === -1 || direction * (lost[index] ?? 0) > direction * (lost[best] ?? 0)) best = index;
    }
    if (best === -1) break;
    adjusted[best] = (adjusted[best] ?? 0) + direction;
    lost[best] = (lost[best] ?? 0) - direction * stepFen;
  }
  return adjusted;
}

/** A printed value as the table prints it ("53.63"). */
export function printedText(steps: number, decimals: number): string {
  const negative = steps < 0;
  const digits = Math.abs(steps).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}

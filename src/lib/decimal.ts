/**
 * A finite number as plain decimal text, never exponent notation (5.9e-7 → "0.00000059"), with the same
 * digits as String(x): the text reads back as exactly the same number. For headers and prices, where
 * clients and people read exponent notation badly.
 */
export function plainDecimal(x: number): string {
  const text = String(x);
  const exp = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exp) return text;
  const [, sign, whole, fraction = '', power] = exp;
  const digits = whole + fraction;
  const point = whole.length + Number(power);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** `--flag a b c` → [a, b, c] (up to the next flag); absent → []. */
export function argList(args: string[], flag: string): string[] {
  const i = args.indexOf(flag);
  if (i < 0) return [];
  const out: string[] = [];
  for (let j = i + 1; j < args.length && !args[j].startsWith('--'); j++) out.push(args[j]);
  return out;
}
export const argValue = (args: string[], flag: string): string | undefined => argList(args, flag)[0];

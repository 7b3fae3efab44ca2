export function devVars(): Record<string, string>;

/**
 * Prints a markdown summary of the endpoint catalog for the README.
 * Run: npx tsx scripts/catalog-table.ts
 */
import { allEndpoints, CATALOG_VERSION, codenames, endpointsForCodename, endpointsForProvider, PROVIDERS } from '../src/catalog';
import { EXCLUDED } from '../src/catalog/data/excluded';
import { EUR_TO_USD } from '../src/catalog/data/row';
import type { Endpoint } from '../src/catalog/types';

const usd = (n: number): string => `$${n < 0.1 ? n.toFixed(3) : n.toFixed(2)}`;
const byInput = (a: Endpoint, b: Endpoint): number => a.pricing.inputPerMTok - b.pricing.inputPerMTok;

const lines: string[] = [];
const endpoints = allEndpoints();
lines.push(`Catalog \`${CATALOG_VERSION}\`: **${endpoints.length} endpoints**, ${codenames().length} model families, ${Object.keys(PROVIDERS).length} providers.`);
lines.push('');
lines.push('| provider | wire format | trust | regions | endpoints | cheapest input $/M |');
lines.push('|---|---|---|---|---|---|');
for (const p of Object.values(PROVIDERS)) {
  const list = [...endpointsForProvider(p.id)].sort(byInput);
  const cheapest = list[0];
  lines.push(
    `| ${p.name} | ${p.wireFormat} | ${p.trustLevel} | ${p.regions.join(', ')} | ${list.length} | ${cheapest ? `${usd(cheapest.pricing.inputPerMTok)} (${cheapest.model})` : '—'} |`,
  );
}
lines.push('');
lines.push('Trust: 3 hardware-attested enclave · 2 no training + limited/zero retention · 1 standard terms (or no policy found) · 0 may train.');
lines.push('');
lines.push('| trust | endpoints |');
lines.push('|---|---|');
for (const level of [3, 2, 1, 0]) {
  lines.push(`| ${level} | ${endpoints.filter((e) => e.trustLevel === level).length} |`);
}
lines.push('');
lines.push('Families served by 3+ providers (input/output $/M; cheapest and priciest by input price):');
lines.push('');
lines.push('| family | providers | cheapest | priciest |');
lines.push('|---|---|---|---|');
for (const name of codenames()) {
  const list = [...endpointsForCodename(name)].sort(byInput);
  const providers = new Set(list.map((e) => e.provider));
  if (providers.size < 3) continue;
  const lo = list[0];
  const hi = list[list.length - 1];
  lines.push(
    `| ${name} | ${providers.size} | ${lo.provider} ${usd(lo.pricing.inputPerMTok)}/${usd(lo.pricing.outputPerMTok)} | ${hi.provider} ${usd(hi.pricing.inputPerMTok)}/${usd(hi.pricing.outputPerMTok)} |`,
  );
}
lines.push('');
lines.push(`Scaleway prices are converted from EUR at ${EUR_TO_USD} USD/EUR. nCompass prices are estimates (no published price).`);
lines.push(`${EXCLUDED.length} reference rows are left out (no sourced price, retired, or unconfirmed model id): see src/catalog/data/excluded.ts.`);

console.log(lines.join('\n'));

/**
 * Prints a markdown summary of the endpoint catalog for the README.
 * Run: npx tsx scripts/catalog-table.ts
 */
import { allEndpoints, CATALOG_VERSION, codenames, endpointsForCodename, endpointsForProvider, PROVIDERS } from '../src/catalog/catalog';
import { EXCLUDED } from '../src/catalog/data/excluded';
import { EUR_TO_USD } from '../src/catalog/data/row';
import { trustLimitReason } from '../src/catalog/trust';
import type { Endpoint, TrustEvidence } from '../src/catalog/types';

const usd = (n: number): string => (n === 0 ? 'free' : `$${n < 0.1 ? n.toFixed(3) : n.toFixed(2)}`);
const byInput = (a: Endpoint, b: Endpoint): number => a.pricing.inputPerMTok - b.pricing.inputPerMTok;

const lines: string[] = [];
const endpoints = allEndpoints();
lines.push(
  `Catalog \`${CATALOG_VERSION}\`: **${endpoints.length} endpoints**, ${codenames().length} model families, ${Object.keys(PROVIDERS).length} providers.`,
);
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
lines.push(
  'Trust (default API terms; src/catalog/trust.ts): 3 maximum — attested enclave or on-premise · 2 high — SOC 2/GDPR, no training, nothing stored beyond the request · 1 standard — inputs may be retained (e.g. abuse monitoring) or no policy found · 0 low — may train on inputs (free tiers).',
);
lines.push('');
lines.push('| trust | endpoints |');
lines.push('|---|---|');
for (const level of [3, 2, 1, 0]) {
  lines.push(`| ${level} | ${endpoints.filter((e) => e.trustLevel === level).length} |`);
}
const days = (e: TrustEvidence): string => (e.retentionDays === null ? '?' : e.retentionDays === 0 ? 'none' : `${e.retentionDays} d`);
const yesNo = (b: boolean | null): string => (b === null ? '?' : b ? 'yes' : 'no');
lines.push('');
lines.push(
  '| provider | trust | inputs kept | trains on inputs | SOC 2 / GDPR (first-party) | ZDR on request | why not higher | source (as of) |',
);
lines.push('|---|---|---|---|---|---|---|---|');
for (const p of Object.values(PROVIDERS)) {
  const e = p.trustEvidence;
  lines.push(
    `| ${p.name} | ${p.trustLevel} | ${days(e)} | ${yesNo(e.trainsOnInputs)} | ${e.compliance.join(', ') || '—'} | ${e.zdrAvailable ? 'yes' : '—'} | ${p.trustLevel === 3 ? '—' : trustLimitReason(e)} | ${e.source} (${e.asOf}) |`,
  );
}
lines.push('');
lines.push('Families served by 3+ paid providers (input/output $/M; cheapest and priciest by input price; free tiers left out):');
lines.push('');
lines.push('| family | providers | cheapest | priciest |');
lines.push('|---|---|---|---|');
for (const name of codenames()) {
  const list = endpointsForCodename(name)
    .filter((e) => !e.freeTier)
    .sort(byInput);
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
lines.push(
  `${EXCLUDED.length} reference rows are left out (no sourced price, retired, or unconfirmed model id): see src/catalog/data/excluded.ts.`,
);

console.log(lines.join('\n'));

import { nonDecreasingHull, type Point } from './metrics';

export interface Panel {
  title: string;
  models: Point[];
  router: Point[];
  random: Point[];
  oracle: Point;
}

const W = 360;
const H = 300;
const M = { left: 48, right: 12, top: 28, bottom: 40 };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Cost–quality plot, one panel per task; cost on a log axis (prices span ~100×). */
export function renderSvg(panels: Panel[], caption: string): string {
  const parts: string[] = [];
  panels.forEach((p, i) => parts.push(`<g transform="translate(${i * W},0)">${panel(p)}</g>`));
  const width = W * panels.length;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H + 40}" font-family="sans-serif" font-size="10">
<rect width="100%" height="100%" fill="white"/>
${parts.join('\n')}
<g transform="translate(10,${H + 14})">
  <circle cx="4" cy="0" r="3" fill="#888"/><text x="12" y="3">single model</text>
  <line x1="90" y1="0" x2="110" y2="0" stroke="#888" stroke-dasharray="4 3"/><text x="114" y="3">Zero router (hull of single models)</text>
  <line x1="290" y1="0" x2="310" y2="0" stroke="#1f6feb" stroke-width="2"/><circle cx="300" cy="0" r="2.5" fill="#1f6feb"/><text x="314" y="3">Cailos pipeline (λ sweep)</text>
  <line x1="450" y1="0" x2="470" y2="0" stroke="#d97706" stroke-dasharray="2 2"/><text x="474" y="3">random strong/weak</text>
  <path d="M585,-4 L587,-1 L590,-1 L588,1 L589,4 L585,2 L581,4 L582,1 L580,-1 L583,-1 Z" fill="#16a34a"/><text x="594" y="3">oracle</text>
  <text x="0" y="20" fill="#555">${esc(caption)}</text>
</g>
</svg>
`;
}

function panel(p: Panel): string {
  const all = [...p.models, ...p.router, ...p.random, p.oracle];
  const lx = (c: number) => Math.log10(Math.max(c, 1e-7));
  const xmin = Math.min(...all.map((q) => lx(q.cost))) - 0.1;
  const xmax = Math.max(...all.map((q) => lx(q.cost))) + 0.1;
  const ymin = Math.max(0, Math.min(...all.map((q) => q.quality)) - 0.05);
  const ymax = Math.min(1, Math.max(...all.map((q) => q.quality)) + 0.03);
  const X = (c: number) => M.left + ((lx(c) - xmin) / (xmax - xmin)) * (W - M.left - M.right);
  const Y = (q: number) => H - M.bottom - ((q - ymin) / (ymax - ymin)) * (H - M.top - M.bottom);
  const line = (pts: Point[], style: string) =>
    `<polyline fill="none" ${style} points="${pts.map((q) => `${X(q.cost).toFixed(1)},${Y(q.quality).toFixed(1)}`).join(' ')}"/>`;
  const out: string[] = [];
  out.push(`<text x="${M.left}" y="16" font-size="12" font-weight="bold">${esc(p.title)}</text>`);
  out.push(`<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#ccc"/>`);
  for (let e = Math.ceil(xmin); e <= Math.floor(xmax); e++) {
    const x = X(10 ** e);
    out.push(
      `<line x1="${x}" y1="${H - M.bottom}" x2="${x}" y2="${H - M.bottom + 4}" stroke="#999"/><text x="${x}" y="${H - M.bottom + 14}" text-anchor="middle">1e${e}</text>`,
    );
  }
  for (let k = 0; k <= 4; k++) {
    const q = ymin + ((ymax - ymin) * k) / 4;
    out.push(`<text x="${M.left - 4}" y="${Y(q) + 3}" text-anchor="end">${q.toFixed(2)}</text>`);
  }
  out.push(`<text x="${M.left + (W - M.left - M.right) / 2}" y="${H - 8}" text-anchor="middle">mean cost per prompt, USD (log)</text>`);
  out.push(`<text transform="translate(10,${(H - M.bottom + M.top) / 2}) rotate(-90)" text-anchor="middle">accuracy</text>`);
  out.push(line(nonDecreasingHull(p.models), 'stroke="#888" stroke-dasharray="4 3"'));
  out.push(line(p.random, 'stroke="#d97706" stroke-dasharray="2 2"'));
  for (const m of p.models) {
    out.push(
      `<circle cx="${X(m.cost)}" cy="${Y(m.quality)}" r="3" fill="#888"/><text x="${X(m.cost) + 4}" y="${Y(m.quality) - 3}" fill="#666" font-size="8">${esc((m.label ?? '').split('/').pop() ?? '')}</text>`,
    );
  }
  out.push(line(nonDecreasingHull(p.router), 'stroke="#1f6feb" stroke-width="2"'));
  for (const r of p.router) out.push(`<circle cx="${X(r.cost)}" cy="${Y(r.quality)}" r="2.5" fill="#1f6feb"/>`);
  const ox = X(p.oracle.cost);
  const oy = Y(p.oracle.quality);
  out.push(
    `<path transform="translate(${ox},${oy})" d="M0,-5 L1.5,-1.5 L5,-1.5 L2.5,1 L3.5,5 L0,2.5 L-3.5,5 L-2.5,1 L-5,-1.5 L-1.5,-1.5 Z" fill="#16a34a"/>`,
  );
  return out.join('\n');
}

/**
 * Rasterizes the vision eval scenes (evals/vision-scenes.ts) into small indexed-colour PNGs:
 *   evals/images/<name>.png         (committed, each < 4 KB)
 *   evals/images.generated.ts       (name → base64, so the Worker bundle needs no file I/O)
 * Run: npx tsx scripts/make-eval-images.ts
 * Output is deterministic: same scenes → byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PALETTE, SCENES, type ColorName, type Scene } from '../evals/vision-scenes';

/** A tiny 5×7 bitmap font: one string per row, '#' = dot. */
const FONT: Record<string, string[]> = {
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  B: ['####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'],
  C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
  D: ['####.', '#...#', '#...#', '#...#', '#...#', '#...#', '####.'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  F: ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
  G: ['.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.####'],
  H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  J: ['..###', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'],
  K: ['#...#', '#..#.', '#.#..', '##...', '#.#..', '#..#.', '#...#'],
  L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
  M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
  N: ['#...#', '#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#'],
  O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
  Q: ['.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'],
  R: ['####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'],
  S: ['.####', '#....', '#....', '.###.', '....#', '....#', '####.'],
  T: ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  U: ['#...#', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  V: ['#...#', '#...#', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
  W: ['#...#', '#...#', '#...#', '#.#.#', '#.#.#', '#.#.#', '.#.#.'],
  X: ['#...#', '#...#', '.#.#.', '..#..', '.#.#.', '#...#', '#...#'],
  Y: ['#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'],
  Z: ['#####', '....#', '...#.', '..#..', '.#...', '#....', '#####'],
  '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  '+': ['.....', '..#..', '..#..', '#####', '..#..', '..#..', '.....'],
  '-': ['.....', '.....', '.....', '#####', '.....', '.....', '.....'],
  ' ': ['.....', '.....', '.....', '.....', '.....', '.....', '.....'],
};

const COLOR_NAMES = Object.keys(PALETTE) as ColorName[];
const colorIndex = (c: ColorName) => COLOR_NAMES.indexOf(c);

/** Rasterize a scene into palette indices, row-major. */
export function rasterize(sc: Scene): Uint8Array {
  const px = new Uint8Array(sc.width * sc.height).fill(colorIndex(sc.background));
  const set = (x: number, y: number, c: number) => {
    if (x >= 0 && y >= 0 && x < sc.width && y < sc.height) px[y * sc.width + x] = c;
  };
  for (const sh of sc.shapes) {
    const c = colorIndex(sh.color);
    for (let y = sh.cy - sh.r; y <= sh.cy + sh.r; y++) {
      for (let x = sh.cx - sh.r; x <= sh.cx + sh.r; x++) {
        const dx = x - sh.cx;
        const dy = y - sh.cy;
        const inside =
          sh.kind === 'square'
            ? true
            : sh.kind === 'circle'
              ? dx * dx + dy * dy <= sh.r * sh.r
              : // Upward triangle: apex at the top centre, base along the bottom edge.
                Math.abs(dx) <= (dy + sh.r) / 2;
        if (inside) set(x, y, c);
      }
    }
  }
  for (const run of sc.texts) {
    const c = colorIndex(run.color);
    [...run.text].forEach((ch, i) => {
      const glyph = FONT[ch.toUpperCase()];
      if (!glyph) throw new Error(`no glyph for ${JSON.stringify(ch)}`);
      const ox = run.x + i * 6 * run.scale;
      glyph.forEach((row, gy) => {
        [...row].forEach((dot, gx) => {
          if (dot !== '#') return;
          for (let sy = 0; sy < run.scale; sy++)
            for (let sx = 0; sx < run.scale; sx++) set(ox + gx * run.scale + sx, run.y + gy * run.scale + sy, c);
        });
      });
    });
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  const typeAndData = out.subarray(4, 8 + data.length);
  typeAndData.set(new TextEncoder().encode(type), 0);
  typeAndData.set(data, 4);
  view.setUint32(8 + data.length, crc32(typeAndData));
  return out;
}

/** Indexed-colour (type 3), 8-bit PNG: flat shapes compress to a few hundred bytes. */
export function encodePng(width: number, height: number, indices: Uint8Array, palette: readonly (readonly number[])[]): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 3, 0, 0, 0], 8);
  const plte = new Uint8Array(palette.flatMap((c) => [...c]));
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    raw.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const idat = new Uint8Array(deflateSync(raw, { level: 9 }));
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function main() {
  const root = path.join(import.meta.dirname, '..', 'evals');
  mkdirSync(path.join(root, 'images'), { recursive: true });
  const palette = COLOR_NAMES.map((n) => PALETTE[n]);
  const entries: string[] = [];
  for (const sc of SCENES) {
    const png = encodePng(sc.width, sc.height, rasterize(sc), palette);
    if (png.length >= 4096) throw new Error(`${sc.name}.png is ${png.length} bytes; keep eval images under 4 KB`);
    writeFileSync(path.join(root, 'images', `${sc.name}.png`), png);
    entries.push(`  ${JSON.stringify(sc.name)}: ${JSON.stringify(Buffer.from(png).toString('base64'))},`);
    console.log(`${sc.name}.png ${png.length} B`);
  }
  const ts =
    `// GENERATED by scripts/make-eval-images.ts from evals/vision-scenes.ts. Do not edit.\n` +
    `/** Vision eval images: name → base64 PNG. */\nexport const EVAL_IMAGES: Record<string, string> = {\n${entries.join('\n')}\n};\n`;
  writeFileSync(path.join(root, 'images.generated.ts'), ts);
}

main();

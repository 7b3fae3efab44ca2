/**
 * The vision eval images, described as data. scripts/make-eval-images.ts rasterizes them into
 * evals/images/*.png and evals/images.generated.ts; the vision items compute their expected answers
 * from the same descriptions, so an image and its answer cannot drift apart.
 */

export const PALETTE = {
  white: [255, 255, 255],
  black: [0, 0, 0],
  red: [220, 30, 30],
  green: [30, 160, 50],
  blue: [30, 70, 220],
  yellow: [240, 200, 0],
  orange: [255, 130, 0],
  purple: [130, 40, 170],
  gray: [128, 128, 128],
} as const satisfies Record<string, readonly [number, number, number]>;
export type ColorName = keyof typeof PALETTE;

export type ShapeKind = 'circle' | 'square' | 'triangle';

export interface Shape {
  kind: ShapeKind;
  color: ColorName;
  /** Centre and half-size in pixels. */
  cx: number;
  cy: number;
  r: number;
}

export interface TextRun {
  text: string;
  x: number;
  y: number;
  /** Pixel size of one font dot. */
  scale: number;
  color: ColorName;
}

export interface Scene {
  name: string;
  width: number;
  height: number;
  background: ColorName;
  shapes: Shape[];
  texts: TextRun[];
}

const W = 160;
const H = 120;
const scene = (name: string, shapes: Shape[], texts: TextRun[] = [], background: ColorName = 'white'): Scene => ({
  name,
  width: W,
  height: H,
  background,
  shapes,
  texts,
});
const s = (kind: ShapeKind, color: ColorName, cx: number, cy: number, r = 12): Shape => ({ kind, color, cx, cy, r });
const t = (text: string, x: number, y: number, scale: number, color: ColorName = 'black'): TextRun => ({ text, x, y, scale, color });

export const SCENES: Scene[] = [
  scene('red-circles-blue-squares', [
    s('circle', 'red', 25, 30),
    s('circle', 'red', 80, 30),
    s('circle', 'red', 135, 30),
    s('square', 'blue', 50, 85),
    s('square', 'blue', 110, 85),
  ]),
  scene('single-green-triangle', [s('triangle', 'green', 80, 60, 35)]),
  scene('single-square', [s('square', 'purple', 80, 60, 30)]),
  scene('text-cat', [], [t('CAT', 29, 39, 6)]),
  scene('text-42', [], [t('42', 47, 39, 6, 'blue')]),
  scene('yellow-triangles', [
    s('triangle', 'yellow', 30, 35),
    s('triangle', 'yellow', 130, 35),
    s('triangle', 'yellow', 30, 90),
    s('triangle', 'yellow', 130, 90),
  ]),
  scene('mostly-blue', [
    s('circle', 'blue', 25, 60),
    s('square', 'blue', 65, 60),
    s('triangle', 'blue', 105, 60),
    s('circle', 'red', 140, 60),
  ]),
  scene('left-right', [s('circle', 'red', 35, 60, 22), s('square', 'blue', 125, 60, 22)]),
  scene('text-hello', [], [t('HELLO', 22, 46, 4)]),
  scene('mixed-shapes', [
    s('square', 'orange', 25, 30),
    s('circle', 'green', 80, 30),
    s('square', 'orange', 135, 30),
    s('circle', 'green', 25, 90),
    s('triangle', 'purple', 80, 90),
    s('circle', 'green', 135, 90),
  ]),
  scene('text-sum', [], [t('7+5', 29, 39, 6)]),
  scene('largest-orange', [s('circle', 'orange', 60, 60, 40), s('square', 'purple', 135, 25, 8), s('square', 'purple', 135, 95, 8)]),
  scene('top-bottom', [s('triangle', 'red', 80, 28, 20), s('circle', 'blue', 80, 90, 20)]),
  scene('six-green-circles', [
    s('circle', 'green', 25, 35, 10),
    s('circle', 'green', 80, 35, 10),
    s('circle', 'green', 135, 35, 10),
    s('circle', 'green', 25, 85, 10),
    s('circle', 'green', 80, 85, 10),
    s('circle', 'green', 135, 85, 10),
  ]),
  scene('text-stop', [], [t('STOP', 11, 39, 6, 'red')]),
  scene('circles-vs-squares', [
    s('circle', 'gray', 25, 35),
    s('circle', 'gray', 25, 90),
    s('square', 'black', 70, 35),
    s('square', 'black', 125, 35),
    s('square', 'black', 70, 90),
    s('square', 'black', 125, 90),
  ]),
  scene('text-go-green', [], [t('GO', 47, 39, 6, 'green')]),
  scene('blue-count', [
    s('circle', 'blue', 25, 30),
    s('square', 'red', 80, 30),
    s('circle', 'blue', 135, 30),
    s('triangle', 'blue', 50, 90),
    s('square', 'red', 110, 90),
  ]),
  scene('text-sun', [], [t('SUN', 29, 39, 6, 'orange')]),
  scene('text-code', [], [t('A1B2', 11, 39, 6, 'purple')]),
  scene('two-shapes-count', [s('triangle', 'orange', 50, 60, 25), s('triangle', 'orange', 110, 60, 25)]),
];

export function sceneByName(name: string): Scene {
  const sc = SCENES.find((x) => x.name === name);
  if (!sc) throw new Error(`unknown eval scene ${name}`);
  return sc;
}

export const countShapes = (sc: Scene, pred: (sh: Shape) => boolean): number => sc.shapes.filter(pred).length;

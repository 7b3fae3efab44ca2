import { EVAL_IMAGES } from '../../evals/images.generated';

const IMAGE_REF = /^eval-image:(.+)$/;

export function hasEvalImage(name: string): boolean {
  return Object.hasOwn(EVAL_IMAGES, name);
}

/** Data URL for a vision eval image; the images are embedded so the Worker needs no file I/O. */
export function evalImageDataUrl(name: string): string {
  const b64 = EVAL_IMAGES[name];
  if (!b64) throw new Error(`unknown eval image ${name}`);
  return `data:image/png;base64,${b64}`;
}

/** The image name in an `eval-image:<name>` placeholder URL, or null for any other URL. */
export function evalImageName(url: string): string | null {
  return IMAGE_REF.exec(url)?.[1] ?? null;
}

export function evalImageBytes(name: string): Uint8Array {
  const bin = atob(EVAL_IMAGES[name] ?? '');
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { chatRequest, EVAL_CATEGORIES } from '../../src/hub';
import { gradeItem } from '../../src/evals/graders';
import { evalImageBytes, evalImageDataUrl } from '../../src/evals/images';
import { simulatedEvalAnswer } from '../../src/sim/skill';
import { buildEvalRequest, EVAL_SEED, loadSuite, MIN_ITEMS_PER_CATEGORY, SUITE_VERSION, validateSuite } from '../../src/evals/suite';
import type { EvalItem } from '../../src/evals';
import { EVAL_IMAGES } from '../../evals/images.generated';
import { SCENES } from '../../evals/vision-scenes';

const { items } = loadSuite();
const byCategory = (c: string) => items.filter((i) => i.category === c);

describe('suite structure', () => {
  it('validates, with unique ids and a content-derived version', () => {
    expect(validateSuite(items)).toEqual([]);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(SUITE_VERSION).toMatch(/^v\d+\.[0-9a-f]{8}$/);
  });
  it('has at least the required number of items per category', () => {
    for (const c of EVAL_CATEGORIES) expect(byCategory(c).length, c).toBeGreaterThanOrEqual(MIN_ITEMS_PER_CATEGORY[c]);
  });
  it('rejects duplicates, wrong grading kinds and unknown images', () => {
    const dup = [...items, items[0]];
    expect(validateSuite(dup).some((p) => p.includes('duplicate id'))).toBe(true);
    const badKind: EvalItem = { ...items[0], id: 'bad-kind', category: 'tool_calling' };
    expect(validateSuite([...items, badKind]).some((p) => p.includes('bad-kind'))).toBe(true);
    const v = byCategory('vision')[0];
    const badImage: EvalItem = {
      ...v,
      id: 'bad-image',
      request: { ...v.request, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'eval-image:nope' } }] }] },
    };
    expect(validateSuite([...items, badImage]).some((p) => p.includes('bad-image'))).toBe(true);
    expect(validateSuite(items.slice(0, 10)).some((p) => p.startsWith('category tool_calling'))).toBe(true);
  });
  it('covers tool-calling shapes: single, parallel and no-call', () => {
    const tool = byCategory('tool_calling').map((i) => (i.grading.kind === 'tool_calls' ? i.grading.expected.length : -1));
    expect(tool.filter((n) => n === 0).length).toBeGreaterThanOrEqual(6);
    expect(tool.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(6);
    expect(tool.filter((n) => n === 1).length).toBeGreaterThanOrEqual(20);
  });
});

describe('schemas and expected answers', () => {
  it('every json_schema compiles with @cfworker/json-schema and its reference answer validates', () => {
    for (const item of byCategory('structured_output')) {
      const rf = item.request.response_format!;
      if (rf.type !== 'json_schema') throw new Error(item.id);
      const validator = new Validator(rf.json_schema.schema as any, '2020-12', false);
      const ref = JSON.parse(simulatedEvalAnswer(item, 'test/ref', { skill: 1 }).content!);
      expect(validator.validate(ref).valid, item.id).toBe(true);
      expect(validator.validate('not an object').valid, item.id).toBe(false);
    }
  });
  it('every tool-call expected argument set validates against its tool schema', () => {
    for (const item of byCategory('tool_calling')) {
      const tools = new Map(item.request.tools!.map((t) => [t.function.name, t.function.parameters]));
      for (const call of simulatedEvalAnswer(item, 'test/ref', { skill: 1 }).toolCalls) {
        const v = new Validator(tools.get(call.name) as any, '2020-12', false);
        expect(v.validate(JSON.parse(call.arguments)).valid, `${item.id} ${call.name}`).toBe(true);
      }
    }
  });
  it('every item has an expected answer its grader accepts, and its plausible wrong answer fails', () => {
    for (const item of items) {
      const right = simulatedEvalAnswer(item, 'test/ref', { skill: 1 });
      expect(gradeItem(item, { ...right, finishReason: 'stop' }).pass, `${item.id} reference`).toBe(true);
      if (item.grading.kind === 'judge') continue; // the judge decides wrong open-ended answers
      for (const endpoint of ['test/a', 'test/b', 'test/c']) {
        const wrong = simulatedEvalAnswer(item, endpoint, { skill: 0 });
        expect(gradeItem(item, { ...wrong, finishReason: 'stop' }).pass, `${item.id} wrong (${endpoint})`).toBe(false);
      }
    }
  });
});

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Uint8Array) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

describe('vision images', () => {
  it('every referenced image is embedded', () => {
    for (const item of byCategory('vision'))
      for (const name of item.images!) expect(EVAL_IMAGES[name], `${item.id} ${name}`).toBeTypeOf('string');
    expect(Object.keys(EVAL_IMAGES).sort()).toEqual(SCENES.map((s) => s.name).sort());
  });
  it('every image is a valid PNG under 4 KB with the scene dimensions', async () => {
    for (const scene of SCENES) {
      const png = evalImageBytes(scene.name);
      expect(png.length, scene.name).toBeLessThan(4096);
      expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
      let off = 8;
      const types: string[] = [];
      const idat: Uint8Array[] = [];
      let width = 0;
      let height = 0;
      while (off < png.length) {
        const len = view.getUint32(off);
        const type = new TextDecoder().decode(png.subarray(off + 4, off + 8));
        const body = png.subarray(off + 8, off + 8 + len);
        expect(view.getUint32(off + 8 + len), `${scene.name} ${type} crc`).toBe(crc32(png.subarray(off + 4, off + 8 + len)));
        if (type === 'IHDR') {
          width = view.getUint32(off + 8);
          height = view.getUint32(off + 12);
        }
        if (type === 'IDAT') idat.push(body);
        types.push(type);
        off += 12 + len;
      }
      expect(types[0]).toBe('IHDR');
      expect(types[types.length - 1]).toBe('IEND');
      expect([width, height]).toEqual([scene.width, scene.height]);
      const raw = await inflate(new Uint8Array(idat.flatMap((c) => [...c])));
      expect(raw.length).toBe(height * (width + 1));
    }
  });
  it('builds data URLs into the request', () => {
    const item = byCategory('vision')[0];
    const req = buildEvalRequest(item, 'some-model');
    const part = (req.messages[1].content as any[]).find((p) => p.type === 'image_url');
    expect(part.image_url.url).toBe(evalImageDataUrl(item.images![0]));
    expect(part.image_url.url.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
  });
});

describe('eval requests', () => {
  it('are valid hub requests with temperature 0 and the fixed seed', () => {
    for (const item of items) {
      const req = buildEvalRequest(item, 'm');
      expect(chatRequest.safeParse(req).success, item.id).toBe(true);
      expect(req).toMatchObject({ temperature: 0, seed: EVAL_SEED, stream: false, model: 'm' });
    }
  });
});

import type { AnswerMatch, EvalItem } from '../../src/evals';
import { countShapes, sceneByName, type Shape } from '../vision-scenes';
import { ANSWER_SYSTEM, norm, num, oneOf } from './helpers';

/** Placeholder URL in stored items; buildEvalRequest swaps in the data URL at run time. */
export const imageRef = (name: string) => `eval-image:${name}`;

function vq(id: string, image: string, question: string, match: AnswerMatch, wrongAnswer?: string): EvalItem {
  sceneByName(image); // fail fast on a typo
  return {
    id,
    category: 'vision',
    taskClasses: ['vision'],
    images: [image],
    request: {
      messages: [
        { role: 'system', content: ANSWER_SYSTEM },
        {
          role: 'user',
          content: [
            { type: 'text', text: question },
            { type: 'image_url', image_url: { url: imageRef(image), detail: 'low' } },
          ],
        },
      ],
      max_tokens: 512,
    },
    grading: { kind: 'answer', match },
    wrongAnswer,
  };
}

const count = (image: string, pred: (s: Shape) => boolean) => countShapes(sceneByName(image), pred);
const textOf = (image: string) =>
  sceneByName(image)
    .texts.map((t) => t.text)
    .join(' ');
const only = (image: string) => {
  const shapes = sceneByName(image).shapes;
  if (shapes.length !== 1) throw new Error(`${image} must hold exactly one shape`);
  return shapes[0];
};

export const VISION_ITEMS: EvalItem[] = [
  vq(
    'vision-001',
    'red-circles-blue-squares',
    'How many red circles are in the image? Answer with a number.',
    num(count('red-circles-blue-squares', (s) => s.kind === 'circle' && s.color === 'red')),
  ),
  vq(
    'vision-002',
    'red-circles-blue-squares',
    'How many shapes are in the image in total? Answer with a number.',
    num(count('red-circles-blue-squares', () => true)),
  ),
  vq(
    'vision-003',
    'single-green-triangle',
    'What colour is the shape in the image? Answer with one colour word.',
    norm(only('single-green-triangle').color),
    'blue',
  ),
  vq(
    'vision-004',
    'single-square',
    'What kind of shape is shown: circle, square or triangle?',
    oneOf(only('single-square').kind, 'a square', 'rectangle'),
    'circle',
  ),
  vq('vision-005', 'text-cat', 'What word is written in the image? Answer with the word only.', norm(textOf('text-cat')), 'CAR'),
  vq('vision-006', 'text-42', 'What number is written in the image?', num(Number(textOf('text-42')))),
  vq(
    'vision-007',
    'yellow-triangles',
    'How many triangles are in the image? Answer with a number.',
    num(count('yellow-triangles', (s) => s.kind === 'triangle')),
  ),
  vq('vision-008', 'mostly-blue', 'Which colour appears on the most shapes? Answer with one colour word.', norm('blue'), 'red'),
  vq(
    'vision-009',
    'left-right',
    'What colour is the shape on the left side of the image? Answer with one colour word.',
    norm('red'),
    'blue',
  ),
  vq('vision-010', 'text-hello', 'What word is written in the image? Answer with the word only.', norm(textOf('text-hello')), 'HALLO'),
  vq(
    'vision-011',
    'mixed-shapes',
    'How many squares are in the image? Answer with a number.',
    num(count('mixed-shapes', (s) => s.kind === 'square')),
  ),
  vq('vision-012', 'text-sum', 'The image shows a sum. What is its result? Answer with a number.', num(7 + 5)),
  vq(
    'vision-013',
    'largest-orange',
    'What colour is the largest shape in the image? Answer with one colour word.',
    norm('orange'),
    'purple',
  ),
  vq('vision-014', 'top-bottom', 'What kind of shape is at the top of the image: circle, square or triangle?', norm('triangle'), 'circle'),
  vq(
    'vision-015',
    'six-green-circles',
    'How many circles are in the image? Answer with a number.',
    num(count('six-green-circles', (s) => s.kind === 'circle')),
  ),
  vq('vision-016', 'text-stop', 'What word is written in the image? Answer with the word only.', norm(textOf('text-stop')), 'SHOP'),
  vq(
    'vision-017',
    'circles-vs-squares',
    'Are there more circles than squares in the image? Answer yes or no.',
    norm(count('circles-vs-squares', (s) => s.kind === 'circle') > count('circles-vs-squares', (s) => s.kind === 'square') ? 'yes' : 'no'),
    'yes',
  ),
  vq(
    'vision-018',
    'text-go-green',
    'What colour is the text in the image? Answer with one colour word.',
    norm(sceneByName('text-go-green').texts[0].color),
    'red',
  ),
  vq(
    'vision-019',
    'blue-count',
    'How many blue shapes are in the image? Answer with a number.',
    num(count('blue-count', (s) => s.color === 'blue')),
  ),
  vq('vision-020', 'text-sun', 'What word is written in the image? Answer with the word only.', norm(textOf('text-sun')), 'SUM'),
  vq(
    'vision-021',
    'text-code',
    'What code is written in the image? Answer with the characters only, no spaces.',
    norm(textOf('text-code')),
    'AIB2',
  ),
  vq(
    'vision-022',
    'two-shapes-count',
    'How many triangles are in the image, and what colour are they? Answer in the form "<number> <colour>".',
    norm(`${count('two-shapes-count', (s) => s.kind === 'triangle')} orange`),
    '2 yellow',
  ),
];

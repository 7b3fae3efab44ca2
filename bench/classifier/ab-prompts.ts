/**
 * A fixed, varied set of ~300 prompts of at most 2,000 characters for engine micro-benchmarks: the parity
 * fixture's texts (several languages, code, long and empty prompts) plus generated prose, code, stack traces,
 * SQL, JSON, lists, multiple choice, formulas and non-English text. Deterministic; `variant(text, round, i)`
 * makes a never-seen copy per benchmark round (a new number and a new identifier), so the engine's per-isolate
 * word cache holds most words, as in real traffic, but never the whole prompt.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'classifier', 'fixtures', 'parity.json');

const PROSE =
  'please write a short summary of the report for the team and explain why the numbers changed since last quarter ' +
  'the customer asked whether we can move the meeting to thursday afternoon and send the updated invoice before friday ' +
  'translate the following paragraph into german keep the tone friendly classify each review as positive negative or neutral ' +
  'extract the name date and total amount from this email what is the capital of australia and why is it not sydney';
const CODE = [
  'function add(a, b) {\n  return a + b;\n}',
  'def parse(line):\n    key, value = line.split("=", 1)\n    return key.strip(), value.strip()',
  'const users = await db.select().from(users).where(eq(users.id, id));',
  'for (let i = 0; i < items.length; i++) {\n    total += items[i].price * items[i].qty;\n}',
  'class Cache:\n    def __init__(self, size):\n        self.size = size\n        self.items = {}',
];
const TRACE = [
  'Traceback (most recent call last):\n  File "app.py", line 42, in <module>\n    main()\nKeyError: \'user_id\'',
  "TypeError: Cannot read properties of undefined (reading 'map')\n    at render (App.js:17:23)\n    at next (react-dom.js:1200:5)",
  'panic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:12 +0x1d',
  'Exception in thread "main" java.lang.NullPointerException\n\tat com.example.Foo.bar(Foo.java:10)',
];
const SQL = [
  "SELECT c.name, SUM(o.total) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.created_at > now() - interval '1 year' GROUP BY c.name ORDER BY spent DESC LIMIT 10;",
  'CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, total NUMERIC(10,2));',
  "INSERT INTO events (kind, at) VALUES ('login', CURRENT_TIMESTAMP);",
];
const JSONS = [
  '{"name": "get_weather", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}',
  '[{"id": 1, "title": "first", "tags": ["a", "b"]}, {"id": 2, "title": "second", "tags": []}]',
];
const FOREIGN = [
  'Übersetze bitte den folgenden Text ins Englische und fasse ihn danach in zwei Sätzen zusammen.',
  'Escribe un resumen breve de este artículo sobre la economía española y sus perspectivas para el próximo año.',
  'Напишите короткое стихотворение о зимнем лесе и одиночестве.',
  '请把下面这段话翻译成英文，并解释其中的成语。今天天气很好，我们去公园散步吧。',
  '次の文章を要約してください。会議は木曜日の午後に変更されました。資料を事前に確認してください。',
  '다음 글을 세 문장으로 요약해 주세요. 회의는 목요일 오후로 변경되었습니다.',
  'اكتب رسالة قصيرة إلى المدير تطلب فيها إجازة يوم الخميس.',
  'Résume cet article en trois points et propose un titre accrocheur pour la newsletter.',
  'เขียนอีเมลสั้นๆ ถึงลูกค้าเพื่อแจ้งว่าสินค้าจะจัดส่งล่าช้า',
];
/** Characters the tokenizer and the whole-prompt features treat specially. */
const EDGE = [
  'Explain 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math letters 𝑥² and emoji 😀👍 in one line',
  'lone \uD800 high and \uDC00 low surrogates, then 𠀀𠀁 beyond the BMP',
  'naïve café in Ångström: straße, øre, ĳ, Ǆ, ɐ — „quoted“ «guillemets» “curly”',
  '\tindented with a tab\n  and two spaces\n```\ncode\n```\nend',
  '• bullet one\n• bullet two\n$x$ and \\sqrt{2}',
  'ΑΒΓ Ελληνικά και русский текст, עברית, हिन्दी, ไทย, 한국어, カタカナ',
];
const CHOICES = 'Which of the following is a noble gas?\nA) Oxygen\nB) Neon\nC) Nitrogen\nD) Hydrogen';
const MATH = 'Solve for x: 3x + 7 = 22, then compute $\\frac{x^2}{5}$ and check 12 * 4 = 48.';
const LIST = '- buy milk\n- call the bank\n- 1. renew passport\n- 2) book flights\n* pack the bags';

/** A deterministic mix of the parts above, `chars` long at most. */
function generated(i: number, chars: number): string {
  const words = PROSE.split(' ');
  const parts: string[] = [];
  let len = 0;
  for (let k = 0; len < chars; k++) {
    const pick = (i * 7 + k * 5) % 11;
    const piece =
      pick === 0
        ? CODE[(i + k) % CODE.length]
        : pick === 1
          ? TRACE[(i + k) % TRACE.length]
          : pick === 2
            ? SQL[(i + k) % SQL.length]
            : pick === 3
              ? JSONS[(i + k) % JSONS.length]
              : pick === 4
                ? FOREIGN[(i + k) % FOREIGN.length]
                : pick === 5 && i % 3 === 0
                  ? CHOICES
                  : pick === 6 && i % 4 === 0
                    ? MATH
                    : pick === 7 && i % 5 === 0
                      ? `\`\`\`\n${CODE[k % CODE.length]}\n\`\`\``
                      : pick === 8 && i % 2 === 0
                        ? LIST
                        : Array.from({ length: 6 + ((i + k) % 14) }, (_, j) => words[(i * 13 + k * 7 + j * 3) % words.length]).join(' ');
    parts.push(piece);
    len += piece.length + 1;
  }
  const text = parts.join(i % 2 ? '\n' : ' ');
  return text.slice(0, chars) + (i % 6 === 0 ? '?' : '');
}

export function abPrompts(count = 300): string[] {
  const fixture = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { text: string }[]).map((r) => r.text).filter((t) => t.length <= 2000);
  const out = [...fixture, ...EDGE];
  // Lengths spread over 20–2,000 characters, short prompts more common (as in chat traffic).
  for (let i = 0; out.length < count; i++) out.push(generated(i, 20 + Math.floor(1980 * ((i * 0.618034) % 1) ** 2)));
  return out;
}

/** A never-seen copy of a prompt for round `round`: a fresh number and identifier near its start. */
export function variant(text: string, round: number, i: number): string {
  return `${round * 1000 + i} item_${(round * 7919 + i * 104729).toString(36)} ${text}`.slice(0, 2000);
}

import type { ArgMatcher, EvalItem } from '../../src/evals';
import type { TaskClass } from '../../src/hub';

/** Strict-mode friendly object schema: every property required, nothing extra. */
const obj = (properties: Record<string, unknown>): Record<string, unknown> => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});
const S = { type: 'string' };
const I = { type: 'integer' };
const N = { type: 'number' };
const B = { type: 'boolean' };
const arr = (items: unknown, extra: Record<string, unknown> = {}) => ({ type: 'array', items, ...extra });
const en = (...values: string[]) => ({ type: 'string', enum: values });

const SYSTEM = 'Answer with a single JSON object that conforms to the provided schema. Output JSON only.';

function so(
  id: string,
  taskClasses: TaskClass[],
  prompt: string,
  schema: Record<string, unknown>,
  expect: Record<string, ArgMatcher>,
): EvalItem {
  return {
    id,
    category: 'structured_output',
    taskClasses,
    request: {
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: prompt },
      ],
      response_format: { type: 'json_schema', json_schema: { name: id.replace(/-/g, '_'), schema, strict: true } },
      max_tokens: 512,
    },
    grading: { kind: 'json_schema', expect: Object.entries(expect).map(([pointer, match]) => ({ pointer, match })) },
  };
}

export const STRUCTURED_OUTPUT_ITEMS: EvalItem[] = [
  so(
    'json-001',
    ['extraction'],
    'Extract the person: "Maria Lopez is a 34-year-old engineer from Madrid."',
    obj({ name: S, age: I, occupation: S, city: S }),
    { '/name': 'Maria Lopez', '/age': 34, '/occupation': { $contains: 'engineer' }, '/city': 'Madrid' },
  ),
  so(
    'json-002',
    ['classification'],
    'Classify the sentiment of: "Terrible battery life, I regret buying it."',
    obj({ sentiment: en('positive', 'negative', 'neutral'), confidence: { type: 'number', minimum: 0, maximum: 1 } }),
    { '/sentiment': 'negative' },
  ),
  so('json-003', ['math'], 'What is 12 multiplied by 12?', obj({ answer: I }), { '/answer': 144 }),
  so(
    'json-004',
    ['extraction'],
    'Parse this invoice summary: "Invoice INV-2291, dated 2025-02-17: 3 items, total due $129.99."',
    obj({ invoice_number: S, date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, item_count: I, total: N }),
    { '/invoice_number': 'INV-2291', '/date': '2025-02-17', '/item_count': 3, '/total': { $approx: 129.99, tolerance: 0.001 } },
  ),
  so(
    'json-005',
    ['extraction'],
    'List the colours mentioned, lowercase, in order of appearance: "She painted the door green, the fence white and the shed red."',
    obj({ colors: arr(S) }),
    { '/colors': ['green', 'white', 'red'] },
  ),
  so('json-006', ['math', 'reasoning'], 'Is 97 a prime number?', obj({ number: I, is_prime: B }), { '/number': 97, '/is_prime': true }),
  so(
    'json-007',
    ['classification'],
    'Classify the topic of: "The central bank raised interest rates by a quarter point."',
    obj({ topic: en('sports', 'politics', 'technology', 'health', 'finance') }),
    { '/topic': 'finance' },
  ),
  so(
    'json-008',
    ['extraction'],
    'Parse this US address: "1600 Amphitheatre Parkway, Mountain View, CA 94043"',
    obj({ street: S, city: S, state: { type: 'string', pattern: '^[A-Z]{2}$' }, zip: { type: 'string', pattern: '^\\d{5}$' } }),
    { '/street': { $contains: 'Amphitheatre' }, '/city': 'Mountain View', '/state': 'CA', '/zip': '94043' },
  ),
  so(
    'json-009',
    ['extraction'],
    'Create a calendar entry from: "Lunch with Sam on 2025-06-01 at 12:30 by the river."',
    obj({ title: S, date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, time: { type: 'string', pattern: '^\\d{2}:\\d{2}$' } }),
    { '/title': { $contains: 'Sam' }, '/date': '2025-06-01', '/time': '12:30' },
  ),
  so('json-010', ['reasoning'], 'How many words are in the sentence "the quick brown fox jumps"?', obj({ word_count: I }), {
    '/word_count': 5,
  }),
  so(
    'json-011',
    ['extraction'],
    'Extract the product listing: "The Acme X200 headphones cost 89 euros and are currently out of stock."',
    obj({ product: S, price: N, currency: en('EUR', 'USD', 'GBP'), in_stock: B }),
    { '/product': { $contains: 'X200' }, '/price': 89, '/currency': 'EUR', '/in_stock': false },
  ),
  so('json-012', ['math'], 'Convert 212 degrees Fahrenheit to Celsius.', obj({ celsius: N }), {
    '/celsius': { $approx: 100, tolerance: 0.01 },
  }),
  so(
    'json-013',
    ['extraction'],
    'Extract the scores in order of appearance: "Alice scored 90, Bob scored 75 and Cara scored 82."',
    obj({ scores: arr(obj({ name: S, score: I })) }),
    { '/scores/0/name': 'Alice', '/scores/0/score': 90, '/scores/1/score': 75, '/scores/2/name': 'Cara', '/scores/2/score': 82 },
  ),
  so('json-014', ['chat'], 'Is the Pacific Ocean larger than the Atlantic Ocean?', obj({ answer: en('yes', 'no'), reason: S }), {
    '/answer': 'yes',
  }),
  so(
    'json-015',
    ['classification', 'translation'],
    'Identify the language of: "Bonjour tout le monde"',
    obj({ language: S, iso_code: { type: 'string', pattern: '^[a-z]{2}$' } }),
    { '/language': { $contains: 'French' }, '/iso_code': 'fr' },
  ),
  so(
    'json-016',
    ['extraction'],
    'Normalise this date to ISO format: "the 4th of July 2026"',
    obj({ iso_date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } }),
    { '/iso_date': '2026-07-04' },
  ),
  so(
    'json-017',
    ['extraction'],
    'Extract the recipe facts: "Pancakes for 4 people. You need flour, milk and eggs." List ingredients lowercase in the order given.',
    obj({ servings: I, ingredients: arr(S) }),
    { '/servings': 4, '/ingredients': ['flour', 'milk', 'eggs'] },
  ),
  so(
    'json-018',
    ['sql', 'classification'],
    'Which SQL operation and table does this request need? "Remove all rows in the sessions table that are older than 30 days."',
    obj({ operation: en('select', 'insert', 'update', 'delete'), table: S }),
    { '/operation': 'delete', '/table': 'sessions' },
  ),
  so('json-019', ['math'], 'I had 12 apples, gave away 5 and then bought 8 more. How many apples do I have?', obj({ apples: I }), {
    '/apples': 15,
  }),
  so(
    'json-020',
    ['extraction'],
    'Extract the contact: "Reach Tom Baker at tom.baker@example.com or +44 20 7946 0958."',
    obj({ name: S, email: S, phone: S }),
    { '/name': 'Tom Baker', '/email': 'tom.baker@example.com', '/phone': { $regex: '20\\s*7946\\s*0958', example: '+44 20 7946 0958' } },
  ),
  so(
    'json-021',
    ['extraction'],
    'Give the IATA codes of the main airports for this trip: "Flying from Boston Logan to Seattle-Tacoma next week."',
    obj({ origin: { type: 'string', pattern: '^[A-Z]{3}$' }, destination: { type: 'string', pattern: '^[A-Z]{3}$' } }),
    { '/origin': 'BOS', '/destination': 'SEA' },
  ),
  so(
    'json-022',
    ['classification'],
    'Triage this incident: "Production database is down and no customer can log in."',
    obj({ priority: en('low', 'medium', 'high', 'critical') }),
    { '/priority': { $oneOf: ['critical', 'high'] } },
  ),
  so('json-023', ['math'], 'Find the minimum and maximum of the list [4, 19, -3, 7].', obj({ min: I, max: I }), { '/min': -3, '/max': 19 }),
  so('json-024', ['math', 'code_generation'], 'Sort the numbers [5, 3, 9, 1] in ascending order.', obj({ sorted: arr(I) }), {
    '/sorted': [1, 3, 5, 9],
  }),
  so('json-025', ['reasoning'], 'Is the word "racecar" a palindrome?', obj({ word: S, is_palindrome: B }), { '/is_palindrome': true }),
  so('json-026', ['reasoning'], 'How many vowels (a, e, i, o, u) are in the word "education"?', obj({ vowel_count: I }), {
    '/vowel_count': 5,
  }),
  so(
    'json-027',
    ['extraction'],
    'Extract the film details: "Jurassic Park, directed by Steven Spielberg, was released in 1993."',
    obj({ title: S, year: I, director: S }),
    { '/title': 'Jurassic Park', '/year': 1993, '/director': 'Steven Spielberg' },
  ),
  so('json-028', ['chat'], 'What is the capital of Japan?', obj({ country: S, capital: S }), { '/capital': 'Tokyo' }),
  so('json-029', ['math'], 'Convert 135 minutes into hours and minutes.', obj({ hours: I, minutes: I }), { '/hours': 2, '/minutes': 15 }),
  so('json-030', ['classification'], 'Is "john@@example.com" a syntactically valid email address?', obj({ valid: B }), { '/valid': false }),
  so(
    'json-031',
    ['math'],
    'Split [1, 2, 3, 4, 5] into even and odd numbers, keeping the original order.',
    obj({ even: arr(I), odd: arr(I) }),
    { '/even': [2, 4], '/odd': [1, 3, 5] },
  ),
  so(
    'json-032',
    ['classification'],
    'Which measurement system does this sentence use? "The trail is 5 miles long and climbs 2,000 feet."',
    obj({ system: en('metric', 'imperial') }),
    { '/system': 'imperial' },
  ),
  so(
    'json-033',
    ['extraction'],
    'Extract the named entities in order of appearance: "Satya Nadella leads Microsoft from Redmond."',
    obj({ entities: arr(obj({ text: S, type: en('PERSON', 'ORG', 'LOCATION') })) }),
    { '/entities/0/text': 'Satya Nadella', '/entities/0/type': 'PERSON', '/entities/1/type': 'ORG', '/entities/2/type': 'LOCATION' },
  ),
  so('json-034', ['math'], 'What is the total cost of 3 notebooks at $2.50 each and 2 pens at $1.25 each?', obj({ total_cost: N }), {
    '/total_cost': { $approx: 10, tolerance: 0.001 },
  }),
  so(
    'json-035',
    ['reasoning'],
    'What day of the week was 2024-01-01?',
    obj({ day_of_week: en('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday') }),
    { '/day_of_week': 'Monday' },
  ),
  so('json-036', ['reasoning'], 'Reverse the string "stressed".', obj({ reversed: S }), { '/reversed': 'desserts' }),
  so(
    'json-037',
    ['extraction'],
    'Extract the weather: "Afternoon report: 18 degrees Celsius with light rain until evening."',
    obj({ temperature_c: N, condition: en('sunny', 'cloudy', 'rainy', 'snowy') }),
    { '/temperature_c': 18, '/condition': 'rainy' },
  ),
  so(
    'json-038',
    ['math'],
    'Compute the body mass index of a person weighing 70 kg who is 1.75 m tall, rounded to one decimal.',
    obj({ bmi: N }),
    { '/bmi': { $approx: 22.9, tolerance: 0.06 } },
  ),
  so(
    'json-039',
    ['extraction'],
    'Split this name into first and last name, ignoring titles and middle names: "Dr. Grace Brewster Hopper"',
    obj({ first_name: S, last_name: S }),
    { '/first_name': 'Grace', '/last_name': 'Hopper' },
  ),
  so('json-040', ['reasoning'], 'How many times does the word "the" appear in "the cat saw the dog near the barn"?', obj({ count: I }), {
    '/count': 3,
  }),
  so('json-041', ['chat'], 'Which HTTP status code means "Not Found"?', obj({ status_code: I, meaning: S }), { '/status_code': 404 }),
];

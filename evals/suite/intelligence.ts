import type { EvalItem } from '../../src/evals';
import { constrained, exact, norm, num, oneOf, qa } from './helpers';

const math: EvalItem[] = [
  qa('math-001', ['math'], 'What is 17 × 23?', num(391)),
  qa('math-002', ['math'], 'What is 1024 ÷ 16 + 7?', num(71)),
  qa('math-003', ['math'], 'What is 15% of 240?', num(36)),
  qa('math-004', ['math'], 'Compute 2^10 − 3^5.', num(781)),
  qa('math-005', ['math'], 'A train travels 180 km in 2.5 hours. What is its average speed in km/h?', num(72)),
  qa(
    'math-006',
    ['math', 'reasoning'],
    'Alice has 3 times as many apples as Bob. Together they have 48 apples. How many apples does Alice have?',
    num(36),
  ),
  qa(
    'math-007',
    ['math'],
    'A shirt costs $40. It is discounted by 25%, then a 10% sales tax is added to the discounted price. What is the final price in dollars?',
    num(33, 0.001),
  ),
  qa('math-008', ['math'], 'What is the sum of the integers from 1 to 100 inclusive?', num(5050)),
  qa('math-009', ['math'], 'What is the greatest common divisor of 84 and 126?', num(42)),
  qa('math-010', ['math'], 'What is the least common multiple of 12 and 18?', num(36)),
  qa('math-011', ['math'], 'A rectangle has a perimeter of 30 cm and a length of 9 cm. What is its area in square centimetres?', num(54)),
  qa(
    'math-012',
    ['math', 'reasoning'],
    'Five workers build a wall in 12 days. Working at the same rate, how many days do 15 workers need to build the same wall?',
    num(4),
  ),
  qa('math-013', ['math'], 'Solve for x: 3x + 7 = 25.', num(6)),
  qa('math-014', ['math'], 'What is the square root of 1369?', num(37)),
  qa(
    'math-015',
    ['math'],
    'A bag holds 4 red and 6 blue balls. You draw one ball at random. What is the probability it is red? Give the answer as a decimal.',
    num(0.4, 0.001),
  ),
  qa(
    'math-016',
    ['math'],
    '$1000 is invested at 10% annual interest, compounded yearly. How many dollars is it worth after 2 years?',
    num(1210, 0.01),
  ),
  qa('math-017', ['math'], 'How many minutes are there in 3.5 hours?', num(210)),
  qa('math-018', ['math'], 'What is the average of 12, 15, 18, 21 and 24?', num(18)),
  qa('math-019', ['math'], 'How many prime numbers are less than 30?', num(10)),
  qa('math-020', ['math', 'reasoning'], "Tom is 4 years older than twice his sister's age. His sister is 9. How old is Tom?", num(22)),
  qa('math-021', ['math'], 'What is 7! divided by 5! ?', num(42)),
];

const reasoning: EvalItem[] = [
  qa(
    'reason-001',
    ['reasoning'],
    'All bloops are razzies. All razzies are lazzies. Are all bloops definitely lazzies? Answer yes or no.',
    norm('yes'),
    { wrongAnswer: 'no' },
  ),
  qa(
    'reason-002',
    ['reasoning'],
    'If it rains, the ground gets wet. The ground is wet. Can we conclude with certainty that it rained? Answer yes or no.',
    norm('no'),
    { wrongAnswer: 'yes' },
  ),
  qa(
    'reason-003',
    ['reasoning'],
    'Anna is taller than Ben. Ben is taller than Carl. Who is the shortest? Answer with the name only.',
    norm('Carl'),
    { wrongAnswer: 'Anna' },
  ),
  qa('reason-004', ['reasoning', 'math'], 'What number comes next in the sequence 2, 6, 12, 20, 30, ?', num(42)),
  qa('reason-005', ['reasoning', 'math'], 'What number comes next in the sequence 1, 1, 2, 3, 5, 8, ?', num(13)),
  qa(
    'reason-006',
    ['reasoning'],
    'Today is Wednesday. What day of the week will it be 10 days from now? Answer with the day name only.',
    norm('Saturday'),
    { wrongAnswer: 'Friday' },
  ),
  qa(
    'reason-007',
    ['reasoning'],
    'A is the father of B. B is the mother of C. What is A to C? Answer with one relationship word.',
    oneOf('grandfather', 'maternal grandfather', 'grandpa'),
    { wrongAnswer: 'uncle' },
  ),
  qa(
    'reason-008',
    ['reasoning'],
    'Five runners finished a race. Dan finished ahead of Eve. Eve finished ahead of Fay. Gus finished behind Fay. Hal finished ahead of Dan. Who finished third? Answer with the name only.',
    norm('Eve'),
    { wrongAnswer: 'Dan' },
  ),
  qa(
    'reason-009',
    ['reasoning', 'math'],
    'A bat and a ball cost $1.10 in total. The bat costs $1.00 more than the ball. How many cents does the ball cost?',
    num(5),
    { wrongAnswer: '10' },
  ),
  qa(
    'reason-010',
    ['reasoning'],
    'If 3 cats catch 3 mice in 3 minutes, how many cats are needed to catch 100 mice in 100 minutes, at the same rate?',
    num(3),
    { wrongAnswer: '100' },
  ),
  qa('reason-011', ['reasoning'], 'How many times does the letter "r" appear in the word "strawberry"?', num(3), { wrongAnswer: '2' }),
  qa('reason-012', ['reasoning', 'math'], 'Which number is larger: 9.11 or 9.9? Answer with the number only.', num(9.9, 0.0001), {
    wrongAnswer: '9.11',
  }),
  qa(
    'reason-013',
    ['reasoning', 'math'],
    'An analog clock shows 3:15. What is the smaller angle, in degrees, between the hour hand and the minute hand?',
    num(7.5, 0.01),
    { wrongAnswer: '0' },
  ),
  qa(
    'reason-014',
    ['reasoning'],
    "Mary's father has five daughters: Nana, Nene, Nini and Nono. What is the name of the fifth daughter? Answer with the name only.",
    norm('Mary'),
    { wrongAnswer: 'Nunu' },
  ),
  qa(
    'reason-015',
    ['reasoning'],
    'Rearrange the letters of "LISTEN" to form a common English word meaning "making no sound". Answer with the word only.',
    norm('silent'),
    { wrongAnswer: 'tinsel' },
  ),
];

const code = (lang: string, src: string, question = 'What does this program print?') => `${question}\n\n\`\`\`${lang}\n${src}\n\`\`\``;

const codeReading: EvalItem[] = [
  qa(
    'code-001',
    ['debugging', 'code_generation'],
    code(
      'python',
      'def f(n):\n    total = 0\n    for i in range(n):\n        if i % 3 == 0:\n            total += i\n    return total\n\nprint(f(10))',
    ),
    num(18),
  ),
  qa('code-002', ['debugging'], code('python', 'x = [1, 2, 3]\ny = x\ny.append(4)\nprint(len(x))'), num(4), { wrongAnswer: '3' }),
  qa('code-003', ['debugging'], code('javascript', "console.log([10, 1, 3].sort().join(','));"), exact('1,10,3'), {
    wrongAnswer: '1,3,10',
  }),
  qa('code-004', ['debugging'], code('javascript', 'console.log(typeof null);'), norm('object'), { wrongAnswer: 'null' }),
  qa('code-005', ['debugging', 'code_generation'], code('python', 'print("abc"[::-1] + str(2**3))'), exact('cba8'), {
    wrongAnswer: 'abc8',
  }),
  qa(
    'code-006',
    ['debugging', 'code_generation'],
    code('python', 'def g(s):\n    return {c: s.count(c) for c in s}\n\nprint(g("banana")["a"])'),
    num(3),
  ),
  qa('code-007', ['debugging'], code('javascript', 'console.log(0.1 + 0.2 === 0.3);'), norm('false'), { wrongAnswer: 'true' }),
  qa('code-008', ['debugging', 'code_generation'], code('python', 'print(sum(i * i for i in range(1, 5)))'), num(30)),
  qa(
    'code-009',
    ['debugging', 'code_generation'],
    code('javascript', 'let a = 0;\nfor (let i = 0; i < 5; i++) {\n  if (i === 3) continue;\n  a += i;\n}\nconsole.log(a);'),
    num(7),
  ),
  qa(
    'code-010',
    ['debugging'],
    code(
      'python',
      'def my_max(xs):\n    best = 0\n    for x in xs:\n        if x < best:\n            best = x\n    return best\n\nprint(my_max([3, 7, 2]))',
      'This function is meant to return the maximum of a list but has a bug. What does the program actually print?',
    ),
    num(0),
    { wrongAnswer: '7' },
  ),
  qa('code-011', ['debugging'], code('python', 'print(len(set("mississippi")))'), num(4)),
  qa('code-012', ['debugging'], code('javascript', 'console.log("5" + 3 - 2);'), num(51), { wrongAnswer: '6' }),
  qa(
    'code-013',
    ['debugging', 'code_generation'],
    code('python', 'def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nprint(fib(10))'),
    num(55),
  ),
  qa(
    'code-014',
    ['debugging'],
    code(
      'python',
      '1 def total(xs):\n2     s = 0\n3     for i in range(1, len(xs)):\n4         s += xs[i]\n5     return s',
      'This function is meant to return the sum of a list, but it has an off-by-one bug. Which line number contains the bug? Answer with the line number only.',
    ),
    num(3),
    { wrongAnswer: '4' },
  ),
  qa(
    'code-015',
    ['debugging', 'code_generation'],
    code('javascript', 'console.log([1, 2, 3].map(x => x * 2).filter(x => x > 2).length);'),
    num(2),
  ),
];

const EMPLOYEES = `Table employees:
| id | name | dept  | salary |
|----|------|-------|--------|
| 1  | Ana  | Sales | 50000  |
| 2  | Bo   | Sales | 60000  |
| 3  | Cy   | IT    | 70000  |
| 4  | Di   | IT    | 80000  |
| 5  | Ed   | HR    | 45000  |`;

const ORDERS = `Table orders:
| id | customer | amount |
|----|----------|--------|
| 1  | ann      | 20     |
| 2  | bob      | 35     |
| 3  | ann      | 15     |
| 4  | cat      | NULL   |
| 5  | bob      | 10     |

Table customers:
| name | city  |
|------|-------|
| ann  | Paris |
| bob  | Rome  |
| cat  | Oslo  |`;

const sqlQ = (tables: string, query: string) =>
  `${tables}\n\nWhat does this SQLite query return? Give the value(s) only.\n\n\`\`\`sql\n${query}\n\`\`\``;

const sqlReading: EvalItem[] = [
  qa('sql-001', ['sql'], sqlQ(EMPLOYEES, 'SELECT COUNT(*) FROM employees WHERE salary > 55000;'), num(3)),
  qa('sql-002', ['sql'], sqlQ(EMPLOYEES, 'SELECT dept FROM employees GROUP BY dept ORDER BY AVG(salary) DESC LIMIT 1;'), norm('IT'), {
    wrongAnswer: 'Sales',
  }),
  qa('sql-003', ['sql'], sqlQ(EMPLOYEES, 'SELECT name FROM employees ORDER BY salary ASC LIMIT 1;'), norm('Ed'), { wrongAnswer: 'Ana' }),
  qa('sql-004', ['sql'], sqlQ(EMPLOYEES, "SELECT SUM(salary) FROM employees WHERE dept = 'Sales';"), num(110000)),
  qa('sql-005', ['sql'], sqlQ(EMPLOYEES, 'SELECT COUNT(DISTINCT dept) FROM employees;'), num(3), { wrongAnswer: '5' }),
  qa('sql-006', ['sql'], sqlQ(ORDERS, 'SELECT COUNT(amount) FROM orders;'), num(4), { wrongAnswer: '5' }),
  qa(
    'sql-007',
    ['sql'],
    sqlQ(ORDERS, 'SELECT customer FROM orders GROUP BY customer HAVING SUM(amount) > 30 ORDER BY customer;'),
    { type: 'regex', pattern: '^ann\\s*(,|and|\\|)\\s*bob$', flags: 'i', example: 'ann, bob' },
    { wrongAnswer: 'bob' },
  ),
  qa('sql-008', ['sql'], sqlQ(ORDERS, 'SELECT AVG(amount) FROM orders;'), num(20), { wrongAnswer: '16' }),
  qa(
    'sql-009',
    ['sql'],
    sqlQ(
      ORDERS,
      'SELECT c.city FROM customers c JOIN orders o ON o.customer = c.name GROUP BY c.city ORDER BY SUM(o.amount) DESC LIMIT 1;',
    ),
    norm('Rome'),
    { wrongAnswer: 'Paris' },
  ),
  qa(
    'sql-010',
    ['sql'],
    sqlQ(ORDERS, 'SELECT COUNT(*) FROM customers c LEFT JOIN orders o ON o.customer = c.name WHERE o.id IS NULL;'),
    num(0),
    { wrongAnswer: '1' },
  ),
  qa(
    'sql-011',
    ['sql'],
    sqlQ(EMPLOYEES, "SELECT name FROM employees WHERE dept = 'IT' AND salary = (SELECT MAX(salary) FROM employees);"),
    norm('Di'),
    { wrongAnswer: 'Cy' },
  ),
];

const factual: EvalItem[] = [
  qa('fact-001', ['chat'], 'What is the capital city of Australia?', oneOf('Canberra'), { wrongAnswer: 'Sydney' }),
  qa('fact-002', ['chat'], 'What is the chemical symbol for gold?', exact('Au'), { wrongAnswer: 'Ag' }),
  qa('fact-003', ['chat'], 'How many planets are in our solar system?', num(8), { wrongAnswer: '9' }),
  qa('fact-004', ['chat'], 'Who wrote the novel "Pride and Prejudice"?', oneOf('Jane Austen', 'Austen'), {
    wrongAnswer: 'Charlotte Brontë',
  }),
  qa('fact-005', ['chat'], 'At sea level, at what temperature in degrees Celsius does pure water boil?', num(100)),
  qa('fact-006', ['chat'], 'What is the largest ocean on Earth?', oneOf('Pacific', 'Pacific Ocean', 'the Pacific Ocean', 'the Pacific'), {
    wrongAnswer: 'Atlantic Ocean',
  }),
  qa('fact-007', ['chat'], 'In what year did World War II end?', num(1945), { wrongAnswer: '1944' }),
  qa('fact-008', ['chat'], 'How many sides does a hexagon have?', num(6)),
  qa('fact-009', ['chat'], 'Which chemical element has atomic number 1?', oneOf('hydrogen', 'H'), { wrongAnswer: 'helium' }),
  qa(
    'fact-010',
    ['chat'],
    'Approximately how many kilometres per second does light travel in a vacuum? Give a number.',
    num(299792, 1000),
    { wrongAnswer: '186000' },
  ),
  qa('fact-011', ['chat'], 'What is the smallest prime number?', num(2), { wrongAnswer: '1' }),
];

const instructionFollowing: EvalItem[] = [
  constrained(
    'instr-001',
    ['chat'],
    'Name the three primary colours of light. Answer in exactly 3 words, all lowercase, separated by spaces.',
    [
      { type: 'word_count', min: 3, max: 3 },
      { type: 'lowercase' },
      { type: 'includes', value: 'red' },
      { type: 'includes', value: 'green' },
      { type: 'includes', value: 'blue' },
    ],
    'red green blue',
    'Red, Green and Blue',
  ),
  constrained(
    'instr-002',
    ['chat', 'creative_writing'],
    'Write one sentence about the ocean that starts with the word "Waves", ends with a period, and has at most 12 words.',
    [
      { type: 'starts_with', value: 'Waves', caseSensitive: true },
      { type: 'ends_with', value: '.' },
      { type: 'word_count', max: 12 },
    ],
    'Waves crash gently against the quiet shore.',
    'The ocean is vast and deep and full of waves that crash on the shore!',
  ),
  qa('instr-003', ['chat'], 'Reply with the word "acknowledged" in uppercase letters and nothing else.', exact('ACKNOWLEDGED', true), {
    wrongAnswer: 'Acknowledged',
  }),
  constrained(
    'instr-004',
    ['chat'],
    'Give one word that rhymes with "cat". Answer with a single lowercase word.',
    [
      { type: 'word_count', min: 1, max: 1 },
      { type: 'lowercase' },
      { type: 'regex', pattern: '^[a-z]*at$' },
      { type: 'excludes', value: 'cat' },
    ],
    'hat',
    'Dog',
  ),
  qa(
    'instr-005',
    ['chat'],
    'List the first five letters of the English alphabet in lowercase, separated by commas, with no spaces.',
    exact('a,b,c,d,e'),
    { wrongAnswer: 'a, b, c, d, e' },
  ),
  constrained(
    'instr-006',
    ['chat', 'creative_writing'],
    'Write a 4-word motto for a bakery without using the letter "e" anywhere.',
    [
      { type: 'word_count', min: 4, max: 4 },
      { type: 'excludes', value: 'e' },
    ],
    'Warm buns, good mood',
    'Fresh bread every day',
  ),
  constrained(
    'instr-007',
    ['chat'],
    'Name a fruit that is usually yellow when ripe. Answer with one word in all capital letters.',
    [
      { type: 'word_count', min: 1, max: 1 },
      { type: 'uppercase' },
      { type: 'regex', pattern: '^(BANANA|LEMON|PINEAPPLE|MANGO|QUINCE|STARFRUIT|PAPAYA|GRAPEFRUIT|PEAR|APPLE|MELON)S?$' },
    ],
    'BANANA',
    'banana',
  ),
  qa(
    'instr-008',
    ['chat'],
    'Count from one to five in English words, lowercase, separated by single hyphens and no spaces.',
    exact('one-two-three-four-five'),
    { wrongAnswer: '1-2-3-4-5' },
  ),
  constrained(
    'instr-009',
    ['chat', 'creative_writing'],
    'Write a single sentence of at most 8 words that includes the words "moon" and "silver".',
    [
      { type: 'includes', value: 'moon' },
      { type: 'includes', value: 'silver' },
      { type: 'word_count', max: 8 },
    ],
    'The silver moon rose over hills.',
    'The moon rose slowly over the quiet sleeping hills tonight.',
  ),
  qa(
    'instr-010',
    ['chat', 'code_generation'],
    'Give all even numbers between 1 and 9 as a JSON array in ascending order, with no spaces.',
    exact('[2,4,6,8]'),
    { wrongAnswer: '[2, 4, 6, 8]' },
  ),
];

const translation: EvalItem[] = [
  qa(
    'trans-001',
    ['translation'],
    'Translate "thank you" into Spanish. Answer with the translation only.',
    oneOf('gracias', 'muchas gracias'),
    { wrongAnswer: 'merci' },
  ),
  qa(
    'trans-002',
    ['translation'],
    'Translate the French word "chien" into English. Answer with one word.',
    oneOf('dog', 'a dog', 'the dog'),
    { wrongAnswer: 'cat' },
  ),
  qa('trans-003', ['translation'], 'Translate the German greeting "Guten Morgen" into English.', oneOf('good morning'), {
    wrongAnswer: 'good evening',
  }),
  qa(
    'trans-004',
    ['translation'],
    'Translate the English word "cat" into Italian. Answer with one word.',
    oneOf('gatto', 'il gatto', 'gatta'),
    { wrongAnswer: 'cane' },
  ),
  qa(
    'trans-005',
    ['translation'],
    'Translate the Spanish word "biblioteca" into English. Answer with one word.',
    oneOf('library', 'a library', 'the library'),
    { wrongAnswer: 'bookstore' },
  ),
];

const classification: EvalItem[] = [
  qa(
    'class-001',
    ['classification'],
    'Classify the sentiment of this review as positive, negative or neutral: "The food was cold and the waiter was rude."',
    norm('negative'),
    { wrongAnswer: 'neutral' },
  ),
  qa(
    'class-002',
    ['classification'],
    'Classify the sentiment of this review as positive, negative or neutral: "I can\'t wait to use this again, absolutely loved it!"',
    norm('positive'),
    { wrongAnswer: 'neutral' },
  ),
  qa(
    'class-003',
    ['classification'],
    'Is this message spam or not spam? "Congratulations! You\'ve won a $1000 gift card. Click here to claim it now." Answer "spam" or "not spam".',
    norm('spam'),
    { wrongAnswer: 'not spam' },
  ),
  qa(
    'class-004',
    ['classification'],
    'Classify this headline into one of: sports, politics, technology, cooking. "New GPU doubles inference throughput for large language models."',
    norm('technology'),
    { wrongAnswer: 'sports' },
  ),
  qa(
    'class-005',
    ['classification', 'translation'],
    'Which language is this phrase written in: "Dziękuję bardzo"? Answer with the language name in English.',
    norm('Polish'),
    { wrongAnswer: 'Czech' },
  ),
];

const extraction: EvalItem[] = [
  qa(
    'extract-001',
    ['extraction'],
    'Extract the date from this sentence and give it in YYYY-MM-DD format: "The meeting was moved to March 14, 2025 at the downtown office."',
    exact('2025-03-14'),
    { wrongAnswer: '2025-14-03' },
  ),
  qa(
    'extract-002',
    ['extraction'],
    'Extract the email address from: "For details, contact jane.doe@example.org before Friday."',
    exact('jane.doe@example.org'),
    { wrongAnswer: 'jane.doe@example.com' },
  ),
  qa(
    'extract-003',
    ['extraction'],
    'What is the total amount in dollars on this receipt line: "Subtotal $42.50, tax $3.40, total $45.90"?',
    num(45.9, 0.001),
    { wrongAnswer: '42.50' },
  ),
  qa('extract-004', ['extraction'], 'What is the area code of the phone number "(415) 555-0199"?', num(415), { wrongAnswer: '555' }),
  qa(
    'extract-005',
    ['extraction'],
    'Which city is the sender writing from? "Greetings from Lisbon, where the weather is finally warm again." Answer with the city name only.',
    norm('Lisbon'),
    { wrongAnswer: 'Porto' },
  ),
];

export const INTELLIGENCE_ITEMS: EvalItem[] = [
  ...math,
  ...reasoning,
  ...codeReading,
  ...sqlReading,
  ...factual,
  ...instructionFollowing,
  ...translation,
  ...classification,
  ...extraction,
];

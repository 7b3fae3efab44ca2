import type { Constraint, EvalItem } from '../../src/evals/types';
import type { TaskClass } from '../../src/hub';

const words = (max: number, min = 1): Constraint => ({ type: 'word_count', min, max });

function judged(
  id: string,
  taskClasses: TaskClass[],
  prompt: string,
  rubric: string,
  constraints: Constraint[],
  example: string,
): EvalItem {
  return {
    id,
    category: 'open_ended',
    taskClasses,
    request: { messages: [{ role: 'user', content: prompt }], max_tokens: 600 },
    grading: { kind: 'judge', rubric, passScore: 7, constraints, example },
  };
}

const PASSAGE_BEES = `Honeybees communicate the location of food through the "waggle dance". A forager returning to the hive runs a figure-eight pattern on the vertical comb. The angle of the straight "waggle" run relative to vertical encodes the direction of the food relative to the sun, and the duration of the waggle encodes distance: roughly one second of waggling corresponds to about one kilometre. Other bees follow the dancer, smell the nectar she carries, and then fly out. Researchers confirmed the code by moving feeders and watching the dances change accordingly. The dance lets a colony shift its foragers quickly toward the richest flowers, an advantage when blooms appear and fade within days.`;

const PASSAGE_OUTAGE = `On Tuesday at 09:12 UTC our API began returning errors for about 18% of requests. The cause was a configuration change that lowered the connection-pool limit on the primary database from 200 to 20. The change had passed review because the diff was labelled as a logging update. Error rates returned to normal at 09:51 after the change was rolled back. No data was lost. We are adding an automated check that flags pool-size changes, and we will require a second reviewer for any database configuration change.`;

const PASSAGE_CITY = `The city council voted 7 to 2 on Monday to convert Elm Street into a pedestrian zone from June to September. Supporters argued that restaurants on the street lost customers during last year's construction and need outdoor seating. Opponents, including two delivery companies, said closing the street will lengthen delivery routes and push traffic onto residential roads. The council agreed to allow deliveries before 10 a.m. and to review traffic data in October before deciding whether to make the change permanent.`;

const PASSAGE_SLEEP = `A study followed 2,000 adults for six years and found that those who slept fewer than six hours a night had a higher rate of colds than those who slept seven to eight hours. The authors caution that the study is observational: people who sleep less may also differ in stress, work hours or health. They recommend a randomized trial in which participants' sleep is extended, to test whether more sleep itself reduces infections.`;

const PASSAGE_REFACTOR = `The team spent the sprint replacing the hand-written SQL in the billing service with a query builder. The change removed about 1,400 lines, fixed two bugs where discounts were applied twice, and made the queries type-checked. It also slowed the monthly invoice job from 4 minutes to 11 minutes, because the builder issues one query per customer instead of a single join. The team plans to batch those queries next sprint and will not enable the new code for the invoice job until it is at least as fast as before.`;

const SUMMARY_RUBRIC = `Score the summary for: faithfulness (no claims absent from the passage; any invented fact caps the score at 3), coverage of the key points listed below, and concision. Length is not merit: a longer summary that says the same thing scores lower, not higher.`;
const CREATIVE_RUBRIC = `Score the piece for: following every instruction in the task (form, length, required elements), originality, vivid concrete language, and coherence. Length is not merit; do not reward padding or flattery of the reader.`;

export const OPEN_ENDED_ITEMS: EvalItem[] = [
  judged(
    'open-sum-001',
    ['summarization'],
    `Summarize the passage in at most 40 words.\n\n${PASSAGE_BEES}`,
    `${SUMMARY_RUBRIC}\nKey points: the waggle dance; angle encodes direction relative to the sun; duration encodes distance; it steers foragers to the best flowers.`,
    [words(40)],
    'Honeybee foragers perform a waggle dance whose angle shows the direction of food relative to the sun and whose duration shows distance, letting the colony quickly send foragers to the richest flowers.',
  ),
  judged(
    'open-sum-002',
    ['summarization'],
    `Write a two-sentence summary of this incident report for executives.\n\n${PASSAGE_OUTAGE}`,
    `${SUMMARY_RUBRIC}\nKey points: 18% of requests failed for about 39 minutes; cause was a mislabelled config change shrinking the DB connection pool; rolled back, no data loss; automated check and second reviewer added.`,
    [words(70), { type: 'regex', pattern: '^[^.!?]+[.!?]\\s+[^.!?]+[.!?]\\s*$' }],
    'A mislabelled configuration change cut the database connection pool from 200 to 20, causing errors on 18% of API requests for 39 minutes on Tuesday until it was rolled back with no data lost. We are adding automated checks for pool-size changes and a second reviewer for database configuration changes.',
  ),
  judged(
    'open-sum-003',
    ['summarization'],
    `Summarize this news item in one sentence of at most 35 words.\n\n${PASSAGE_CITY}`,
    `${SUMMARY_RUBRIC}\nKey points: council voted 7-2 to pedestrianize Elm Street June-September; restaurants vs delivery/traffic concerns; morning deliveries allowed; October review.`,
    [words(35)],
    'The council voted 7-2 to make Elm Street pedestrian-only from June to September, allowing morning deliveries despite traffic concerns, and will review traffic data in October before deciding on permanence.',
  ),
  judged(
    'open-sum-004',
    ['summarization'],
    `Summarize the study and its main caveat in at most 45 words.\n\n${PASSAGE_SLEEP}`,
    `${SUMMARY_RUBRIC}\nKey points: 2,000 adults over six years; under six hours of sleep linked to more colds; observational so confounders possible; a randomized sleep-extension trial is proposed.`,
    [words(45)],
    'A six-year study of 2,000 adults linked sleeping under six hours to more colds, but being observational it cannot rule out confounders like stress; the authors propose a randomized trial extending sleep.',
  ),
  judged(
    'open-sum-005',
    ['summarization'],
    `Give three bullet points summarizing this sprint update. Each bullet starts with "- ".\n\n${PASSAGE_REFACTOR}`,
    `${SUMMARY_RUBRIC}\nKey points: SQL replaced by a query builder (-1,400 lines, two discount bugs fixed, type-checked); invoice job slowed from 4 to 11 minutes due to per-customer queries; batching planned and rollout held until performance recovers.`,
    [{ type: 'line_count', min: 3, max: 3 }, { type: 'regex', pattern: '^(- .+\\n?){3}$' }, words(90)],
    '- Replaced hand-written billing SQL with a type-checked query builder, removing 1,400 lines and fixing two double-discount bugs.\n- The invoice job slowed from 4 to 11 minutes because of per-customer queries.\n- Batching comes next sprint; the invoice job stays on the old code until it is as fast.',
  ),
  judged(
    'open-cw-001',
    ['creative_writing'],
    'Write a haiku (three lines, 5-7-5 syllables) about a lighthouse in fog.',
    `${CREATIVE_RUBRIC}\nThe form must be a three-line haiku about a lighthouse in fog.`,
    [{ type: 'line_count', min: 3, max: 3 }, words(20)],
    'Grey breath on the sea\na slow eye opens, closes\nships listen for light',
  ),
  judged(
    'open-cw-002',
    ['creative_writing'],
    'Write a 4-line rhyming poem about a cat who is afraid of the dark. Do not use the word "night".',
    `${CREATIVE_RUBRIC}\nRequired: four lines, a rhyme scheme, a cat afraid of the dark, and no use of the word "night".`,
    [
      { type: 'line_count', min: 4, max: 4 },
      { type: 'excludes', value: 'night' },
    ],
    'Our tabby guards the hallway light,\nShe flinches when the shadows creep,\nShe curls against the lamp so tight,\nAnd only with it on will sleep.',
  ),
  judged(
    'open-cw-003',
    ['creative_writing'],
    'Write the opening paragraph (at most 80 words) of a mystery story set on a night train. End it with a question.',
    `${CREATIVE_RUBRIC}\nRequired: a mystery opening, set on a train, at most 80 words, ending with a question.`,
    [words(80, 20), { type: 'ends_with', value: '?' }],
    'The 11:40 sleeper to Vienna had nine passengers when it left Munich and eight when the conductor counted again at Salzburg. Nobody had stepped off; the doors had stayed sealed. Compartment 4 still held a warm cup of tea, a folded newspaper, and a ticket punched twice. Mrs. Albescu swore she had heard a violin through the wall all evening. So who, exactly, had been playing?',
  ),
  judged(
    'open-cw-004',
    ['creative_writing'],
    'Write a product description (at most 60 words) for an umbrella designed for very windy cities. Mention its weight in grams.',
    `${CREATIVE_RUBRIC}\nRequired: persuasive product copy for a wind-proof umbrella, at most 60 words, states a weight in grams.`,
    [words(60, 15), { type: 'regex', pattern: '\\d+\\s*(g|grams)\\b', flags: 'i' }],
    'Meet the Gale, the umbrella that laughs at crosswinds. Its vented double canopy lets gusts slip through while fibreglass ribs flex instead of snapping. At just 390 grams it disappears into a tote, then opens with one click when the sky turns. Built for Wellington, tested in Chicago.',
  ),
  judged(
    'open-cw-005',
    ['creative_writing', 'chat'],
    'Write a short, warm message (at most 50 words) congratulating a colleague named Priya on finishing her first marathon.',
    `${CREATIVE_RUBRIC}\nRequired: warm and specific congratulations to Priya on a first marathon, at most 50 words.`,
    [words(50, 10), { type: 'includes', value: 'Priya', caseSensitive: true }],
    'Priya, congratulations on finishing your first marathon! All those early training runs paid off, and 42 kilometres is no small feat. We are all so proud of you. Enjoy the well-earned rest, and please tell us everything about the race over coffee this week.',
  ),
];

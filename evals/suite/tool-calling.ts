import type { ChatMessage, FunctionTool, TaskClass } from '../../src/hub';
import type { EvalItem, ExpectedToolCall } from '../../src/evals/types';

const fn = (name: string, description: string, properties: Record<string, unknown>, required: string[]): FunctionTool => ({
  type: 'function',
  function: { name, description, parameters: { type: 'object', properties, required, additionalProperties: false } },
});

const ISO_DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' };

export const TOOLS = {
  get_weather: fn(
    'get_weather',
    'Current weather for a city.',
    {
      city: { type: 'string', description: 'City name, e.g. "Paris"' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'], description: 'Temperature unit; default celsius' },
    },
    ['city'],
  ),
  get_stock_price: fn(
    'get_stock_price',
    'Latest trade price of a stock.',
    {
      ticker: { type: 'string', pattern: '^[A-Z.]{1,6}$', description: 'Exchange ticker symbol, e.g. "IBM"' },
    },
    ['ticker'],
  ),
  convert_currency: fn(
    'convert_currency',
    'Convert an amount between currencies at the current rate.',
    {
      amount: { type: 'number' },
      from: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' },
      to: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' },
    },
    ['amount', 'from', 'to'],
  ),
  send_email: fn(
    'send_email',
    'Send an email on behalf of the user.',
    {
      to: { type: 'string', description: 'Recipient address' },
      subject: { type: 'string' },
      body: { type: 'string' },
    },
    ['to', 'subject', 'body'],
  ),
  create_calendar_event: fn(
    'create_calendar_event',
    'Create an event in the user calendar.',
    {
      title: { type: 'string' },
      date: ISO_DATE,
      time: { type: 'string', pattern: '^\\d{2}:\\d{2}$', description: '24-hour HH:MM' },
      duration_minutes: { type: 'integer', minimum: 1 },
    },
    ['title', 'date', 'time', 'duration_minutes'],
  ),
  search_flights: fn(
    'search_flights',
    'Search flights between two airports on a date.',
    {
      origin: { type: 'string', pattern: '^[A-Z]{3}$', description: 'IATA airport code' },
      destination: { type: 'string', pattern: '^[A-Z]{3}$', description: 'IATA airport code' },
      date: ISO_DATE,
    },
    ['origin', 'destination', 'date'],
  ),
  set_timer: fn('set_timer', 'Start a countdown timer.', { minutes: { type: 'integer', minimum: 1 } }, ['minutes']),
  lookup_order: fn('lookup_order', 'Look up the status of a customer order.', { order_id: { type: 'string' } }, ['order_id']),
  get_time: fn(
    'get_time',
    'Current local time in a timezone.',
    {
      timezone: { type: 'string', description: 'IANA timezone, e.g. "Europe/Paris"' },
    },
    ['timezone'],
  ),
  translate_text: fn(
    'translate_text',
    'Translate text into another language.',
    {
      text: { type: 'string' },
      target_language: { type: 'string', description: 'Language name or ISO 639-1 code' },
    },
    ['text', 'target_language'],
  ),
  calculate: fn('calculate', 'Evaluate an arithmetic expression exactly.', { expression: { type: 'string' } }, ['expression']),
  add_todo: fn(
    'add_todo',
    'Add a task to the user to-do list.',
    {
      task: { type: 'string' },
      priority: { type: 'string', enum: ['low', 'medium', 'high'] },
    },
    ['task', 'priority'],
  ),
};
type ToolName = keyof typeof TOOLS;

const SYSTEM = 'You are an assistant with access to tools. Call a tool only when it is needed to answer; otherwise answer directly.';

function toolItem(
  id: string,
  prompt: string | ChatMessage[],
  toolNames: ToolName[],
  expected: ExpectedToolCall[],
  extra: Partial<Pick<EvalItem['request'], 'tool_choice' | 'parallel_tool_calls'>> & {
    contentIncludes?: string[];
    taskClasses?: TaskClass[];
  } = {},
): EvalItem {
  const messages: ChatMessage[] =
    typeof prompt === 'string'
      ? [
          { role: 'system', content: SYSTEM },
          { role: 'user', content: prompt },
        ]
      : [{ role: 'system', content: SYSTEM }, ...prompt];
  return {
    id,
    category: 'tool_calling',
    taskClasses: extra.taskClasses ?? ['tool_use'],
    request: {
      messages,
      tools: toolNames.map((n) => TOOLS[n]),
      ...(extra.tool_choice ? { tool_choice: extra.tool_choice } : {}),
      ...(extra.parallel_tool_calls !== undefined ? { parallel_tool_calls: extra.parallel_tool_calls } : {}),
      max_tokens: 512,
    },
    grading: { kind: 'tool_calls', expected, contentIncludes: extra.contentIncludes },
  };
}

const call = (name: ToolName, args: ExpectedToolCall['arguments']): ExpectedToolCall => ({ name, arguments: args });
const WEATHER_SET: ToolName[] = ['get_weather', 'get_time', 'get_stock_price'];
const OFFICE_SET: ToolName[] = ['send_email', 'create_calendar_event', 'add_todo', 'set_timer'];
const MONEY_SET: ToolName[] = ['convert_currency', 'get_stock_price', 'calculate'];
const TRAVEL_SET: ToolName[] = ['search_flights', 'get_weather', 'translate_text', 'get_time'];

const single: EvalItem[] = [
  toolItem('tool-001', 'What is the weather like in Paris right now?', WEATHER_SET, [
    call('get_weather', { city: { $contains: 'Paris' } }),
  ]),
  toolItem('tool-002', 'How hot is it in Tokyo at the moment? Give me the temperature in Fahrenheit.', WEATHER_SET, [
    call('get_weather', { city: { $contains: 'Tokyo' }, unit: 'fahrenheit' }),
  ]),
  toolItem('tool-003', "What's Apple's share price right now? (ticker AAPL)", WEATHER_SET, [call('get_stock_price', { ticker: 'AAPL' })]),
  toolItem('tool-004', 'Convert 250 US dollars to euros.', MONEY_SET, [call('convert_currency', { amount: 250, from: 'USD', to: 'EUR' })]),
  toolItem('tool-005', 'Email bob@example.com with the subject "Lunch" and ask him whether Friday works for lunch.', OFFICE_SET, [
    call('send_email', { to: 'bob@example.com', subject: { $contains: 'lunch' }, body: { $contains: 'friday' } }),
  ]),
  toolItem('tool-006', 'Put a dentist appointment in my calendar on 2025-07-03 at 14:30 for 45 minutes, titled "Dentist".', OFFICE_SET, [
    call('create_calendar_event', { title: { $contains: 'dentist' }, date: '2025-07-03', time: '14:30', duration_minutes: 45 }),
  ]),
  toolItem('tool-007', 'Find me flights from SFO to JFK on 2025-09-12.', TRAVEL_SET, [
    call('search_flights', { origin: 'SFO', destination: 'JFK', date: '2025-09-12' }),
  ]),
  toolItem('tool-008', 'Set a timer for 15 minutes.', OFFICE_SET, [call('set_timer', { minutes: 15 })]),
  toolItem(
    'tool-009',
    'Where is my order A-1029? Please check its status.',
    ['lookup_order', 'send_email', 'get_time'],
    [call('lookup_order', { order_id: { $regex: '^#?A-?1029$', flags: 'i', example: 'A-1029' } })],
  ),
  toolItem('tool-010', 'What time is it in Tokyo right now?', WEATHER_SET, [call('get_time', { timezone: { $contains: 'Tokyo' } })]),
  toolItem('tool-011', 'Use the translation tool to translate "good night" into German.', TRAVEL_SET, [
    call('translate_text', { text: { $contains: 'good night' }, target_language: { $oneOf: ['German', 'de', 'Deutsch', 'de-DE'] } }),
  ]),
  toolItem('tool-012', 'Add "buy milk" to my to-do list with high priority.', OFFICE_SET, [
    call('add_todo', { task: { $contains: 'milk' }, priority: 'high' }),
  ]),
  toolItem('tool-013', 'What is 1234 multiplied by 5678? Use the calculator tool to get the exact result.', MONEY_SET, [
    call('calculate', { expression: { $regex: '1234\\s*[*x×]\\s*5678', example: '1234 * 5678' } }),
  ]),
  toolItem('tool-014', 'Check the weather in London for me, in Celsius.', WEATHER_SET, [
    call('get_weather', { city: { $contains: 'London' }, unit: 'celsius' }),
  ]),
  toolItem('tool-015', 'How many British pounds is 1000 Japanese yen?', MONEY_SET, [
    call('convert_currency', { amount: 1000, from: 'JPY', to: 'GBP' }),
  ]),
  toolItem('tool-016', 'Look up the current stock price of Microsoft (MSFT).', MONEY_SET, [call('get_stock_price', { ticker: 'MSFT' })]),
  toolItem('tool-017', "Search flights from Los Angeles (LAX) to Chicago O'Hare (ORD) on 2025-12-20.", TRAVEL_SET, [
    call('search_flights', { origin: 'LAX', destination: 'ORD', date: '2025-12-20' }),
  ]),
  toolItem('tool-018', 'Start a timer for an hour and a half.', OFFICE_SET, [call('set_timer', { minutes: 90 })]),
  toolItem('tool-019', 'Schedule "Team sync" on 2025-05-06 at 09:00, lasting 30 minutes.', OFFICE_SET, [
    call('create_calendar_event', { title: { $contains: 'team sync' }, date: '2025-05-06', time: '09:00', duration_minutes: 30 }),
  ]),
  toolItem(
    'tool-020',
    'Has order #77812 shipped yet?',
    ['lookup_order', 'send_email'],
    [call('lookup_order', { order_id: { $regex: '^#?77812$', example: '77812' } })],
  ),
  toolItem('tool-021', 'Remind me to renew my passport. It is low priority, put it on my to-do list.', OFFICE_SET, [
    call('add_todo', { task: { $contains: 'passport' }, priority: 'low' }),
  ]),
  toolItem('tool-022', 'Send an email to alice@corp.example with subject "Quarterly report" saying the report is attached.', OFFICE_SET, [
    call('send_email', { to: 'alice@corp.example', subject: { $contains: 'report' }, body: { $contains: 'attached' } }),
  ]),
  toolItem('tool-023', "What's the local time in New York?", TRAVEL_SET, [
    call('get_time', { timezone: { $regex: 'new[ _]york', flags: 'i', example: 'America/New_York' } }),
  ]),
  toolItem('tool-024', 'Translate "where is the train station" into French using the translation tool.', TRAVEL_SET, [
    call('translate_text', {
      text: { $contains: 'station' },
      target_language: { $oneOf: ['French', 'fr', 'Français', 'francais', 'fr-FR'] },
    }),
  ]),
  toolItem('tool-025', 'I am heading to Berlin tomorrow.', WEATHER_SET, [call('get_weather', { city: { $contains: 'Berlin' } })], {
    tool_choice: { type: 'function', function: { name: 'get_weather' } },
  }),
];

const parallel: EvalItem[] = [
  toolItem(
    'tool-par-001',
    'What is the weather in Paris and in Rome right now?',
    WEATHER_SET,
    [call('get_weather', { city: { $contains: 'Paris' } }), call('get_weather', { city: { $contains: 'Rome' } })],
    { parallel_tool_calls: true },
  ),
  toolItem(
    'tool-par-002',
    'Get me the current prices of AAPL and GOOGL.',
    MONEY_SET,
    [call('get_stock_price', { ticker: 'AAPL' }), call('get_stock_price', { ticker: 'GOOGL' })],
    { parallel_tool_calls: true },
  ),
  toolItem(
    'tool-par-003',
    'How much is 100 USD in euros, and how much is 100 USD in Japanese yen?',
    MONEY_SET,
    [call('convert_currency', { amount: 100, from: 'USD', to: 'EUR' }), call('convert_currency', { amount: 100, from: 'USD', to: 'JPY' })],
    { parallel_tool_calls: true },
  ),
  toolItem(
    'tool-par-004',
    'What time is it in Tokyo and in London?',
    WEATHER_SET,
    [call('get_time', { timezone: { $contains: 'Tokyo' } }), call('get_time', { timezone: { $contains: 'London' } })],
    { parallel_tool_calls: true },
  ),
  toolItem(
    'tool-par-005',
    "What's the weather in Oslo, and what's NVIDIA's stock price (NVDA)?",
    WEATHER_SET,
    [call('get_weather', { city: { $contains: 'Oslo' } }), call('get_stock_price', { ticker: 'NVDA' })],
    { parallel_tool_calls: true },
  ),
  toolItem(
    'tool-par-006',
    'Set a 5 minute timer and add "stretch" to my to-do list with medium priority.',
    OFFICE_SET,
    [call('set_timer', { minutes: 5 }), call('add_todo', { task: { $contains: 'stretch' }, priority: 'medium' })],
    { parallel_tool_calls: true },
  ),
  toolItem(
    'tool-par-007',
    'Check the status of orders 5001 and 5002.',
    ['lookup_order', 'send_email'],
    [
      call('lookup_order', { order_id: { $regex: '^#?5001$', example: '5001' } }),
      call('lookup_order', { order_id: { $regex: '^#?5002$', example: '5002' } }),
    ],
    { parallel_tool_calls: true },
  ),
  toolItem(
    'tool-par-008',
    'What is the weather in Madrid, Lisbon and Athens?',
    TRAVEL_SET,
    [
      call('get_weather', { city: { $contains: 'Madrid' } }),
      call('get_weather', { city: { $contains: 'Lisbon' } }),
      call('get_weather', { city: { $contains: 'Athens' } }),
    ],
    { parallel_tool_calls: true },
  ),
];

const afterResult = (user: string, name: ToolName, args: Record<string, unknown>, result: unknown, followUp?: string): ChatMessage[] => [
  { role: 'user', content: user },
  {
    role: 'assistant',
    content: null,
    tool_calls: [{ id: 'call_eval_1', type: 'function', function: { name, arguments: JSON.stringify(args) } }],
  },
  { role: 'tool', tool_call_id: 'call_eval_1', content: JSON.stringify(result) },
  ...(followUp ? [{ role: 'user' as const, content: followUp }] : []),
];

const noCall: EvalItem[] = [
  toolItem('tool-none-001', 'What is the capital of France?', WEATHER_SET, [], { contentIncludes: ['Paris'] }),
  toolItem('tool-none-002', 'Write a haiku about spring blossoms.', WEATHER_SET, [], { taskClasses: ['tool_use', 'creative_writing'] }),
  toolItem('tool-none-003', "Thanks, that's all I needed!", OFFICE_SET, []),
  toolItem('tool-none-004', 'What is the weather in Paris?', WEATHER_SET, [], { tool_choice: 'none' }),
  toolItem(
    'tool-none-005',
    afterResult('What is the weather in Paris?', 'get_weather', { city: 'Paris' }, { temp_c: 18, condition: 'cloudy' }),
    WEATHER_SET,
    [],
    { contentIncludes: ['18'] },
  ),
  toolItem(
    'tool-none-006',
    afterResult('What is Apple trading at?', 'get_stock_price', { ticker: 'AAPL' }, { ticker: 'AAPL', price: 191.45, currency: 'USD' }),
    MONEY_SET,
    [],
    { contentIncludes: ['191.45'] },
  ),
  toolItem('tool-none-007', 'What is 2 + 2?', ['send_email', 'lookup_order'], [], { contentIncludes: ['4'] }),
  toolItem('tool-none-008', 'In one sentence, what is a kitchen timer?', OFFICE_SET, [], { taskClasses: ['tool_use', 'chat'] }),
];

export const TOOL_CALLING_ITEMS: EvalItem[] = [...single, ...parallel, ...noCall];

import { Validator } from '@cfworker/json-schema';
import { describe, expect, it } from 'vitest';
import { decideTurn } from '../../src/sim/brain';
import type { SimToolSpec } from '../../src/sim/types';
import { makeView } from './helpers';

const weatherTool: SimToolSpec = {
  name: 'get_weather',
  description: 'Get the current weather forecast for a city',
  parameters: {
    type: 'object',
    properties: {
      city: { type: 'string' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
      days: { type: 'integer', minimum: 1, maximum: 5 },
    },
    required: ['city'],
    additionalProperties: false,
  },
};
const stockTool: SimToolSpec = {
  name: 'get_stock_price',
  description: 'Look up a stock ticker price',
  parameters: { type: 'object', properties: { ticker: { type: 'string', pattern: '^[A-Z]{1,5}$' } }, required: ['ticker'] },
};
const timeTool: SimToolSpec = {
  name: 'current_time',
  description: 'Current local time in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('decideTurn (simulation brain)', () => {
  it('is deterministic for the same endpoint and conversation', () => {
    const view = makeView();
    expect(decideTurn(view, 'groq/llama')).toEqual(decideTurn(makeView(), 'groq/llama'));
  });

  it('answers differently on different endpoints', () => {
    const view = makeView();
    expect(decideTurn(view, 'groq/llama').text).not.toBe(decideTurn(view, 'together/llama').text);
  });

  it('quotes the first 160 characters of the last user message verbatim', () => {
    const long = `My card 4111 1111 1111 1111 and email jane@example.com: ${'lorem ipsum '.repeat(20)}`;
    const turn = decideTurn(makeView({ lastUserText: long }), 'openai/gpt');
    expect(turn.text).toContain(`"${long.slice(0, 160)}"`);
    expect(turn.text).not.toContain(long.slice(0, 161));
    expect(turn.finishReason).toBe('stop');
    expect(turn.toolCalls).toEqual([]);
  });

  it('writes 20 to 60 words for a short question, across endpoints', () => {
    for (const id of ['a/1', 'b/2', 'c/3', 'd/4', 'e/5', 'f/6']) {
      const n = wordCount(decideTurn(makeView({ lastUserText: 'Hi there' }), id).text);
      expect(n).toBeGreaterThanOrEqual(20);
      expect(n).toBeLessThanOrEqual(60);
    }
  });

  it('splits the text into 1-4 word pieces that join back exactly', () => {
    const turn = decideTurn(makeView(), 'x/y');
    expect(turn.textPieces.join('')).toBe(turn.text);
    for (const piece of turn.textPieces) {
      expect(wordCount(piece)).toBeGreaterThanOrEqual(1);
      expect(wordCount(piece)).toBeLessThanOrEqual(4);
    }
  });

  it('mentions the tool result after a tool call', () => {
    const result = '{"temperature": 21, "condition": "sunny", "humidity": 40, "wind": "light breeze from the west"}';
    const turn = decideTurn(
      makeView({ tools: [weatherTool], lastIsToolResult: true, toolResultText: result, calledToolNames: ['get_weather'] }),
      'x/y',
    );
    expect(turn.toolCalls).toEqual([]);
    expect(turn.text).toContain(`"${result.slice(0, 80)}"`);
  });

  it('calls the tool sharing the most words with the user message, with schema-valid arguments', () => {
    const view = makeView({ tools: [stockTool, weatherTool], lastUserText: 'What is the weather forecast in Paris?' });
    const turn = decideTurn(view, 'x/y');
    expect(turn.finishReason).toBe('tool_calls');
    expect(turn.text).toBe('');
    expect(turn.toolCalls).toHaveLength(1);
    const [call] = turn.toolCalls;
    expect(call.name).toBe('get_weather');
    expect(call.id).toMatch(/^call_[0-9A-Za-z]{24}$/);
    const validation = new Validator(weatherTool.parameters as never, '2020-12').validate(JSON.parse(call.arguments));
    expect(validation.errors).toEqual([]);
    expect(turn.usage.completionTokens).toBe(Math.ceil(call.arguments.length / 4));
  });

  it('produces valid arguments for many endpoints (different seeds)', () => {
    const validator = new Validator(stockTool.parameters as never, '2020-12');
    for (let i = 0; i < 30; i++) {
      const turn = decideTurn(makeView({ tools: [stockTool], lastUserText: 'stock price of apple' }), `p/${i}`);
      expect(validator.validate(JSON.parse(turn.toolCalls[0].arguments)).valid).toBe(true);
    }
  });

  it('calls two tools in parallel when two match the user words', () => {
    const view = makeView({ tools: [stockTool, weatherTool, timeTool], lastUserText: 'Weather and current time in Paris' });
    const names = decideTurn(view, 'x/y').toolCalls.map((c) => c.name);
    expect(names).toEqual(['get_weather', 'current_time']);
    const serial = decideTurn({ ...view, parallelToolCalls: false }, 'x/y').toolCalls.map((c) => c.name);
    expect(serial).toEqual(['get_weather']);
  });

  it('falls back to the first tool when nothing matches, and respects none / named / required', () => {
    const tools = [stockTool, weatherTool];
    expect(decideTurn(makeView({ tools, lastUserText: 'hello' }), 'x/y').toolCalls.map((c) => c.name)).toEqual(['get_stock_price']);
    expect(decideTurn(makeView({ tools, toolChoice: 'none' }), 'x/y').toolCalls).toEqual([]);
    expect(decideTurn(makeView({ tools, toolChoice: { name: 'get_stock_price' } }), 'x/y').toolCalls.map((c) => c.name)).toEqual([
      'get_stock_price',
    ]);
    // After a tool result the model answers in text, unless a tool call is forced.
    const afterResult = { tools, lastIsToolResult: true, toolResultText: 'ok', calledToolNames: ['get_weather'] };
    expect(decideTurn(makeView(afterResult), 'x/y').toolCalls).toEqual([]);
    expect(decideTurn(makeView({ ...afterResult, toolChoice: 'required' }), 'x/y').toolCalls).toHaveLength(1);
  });

  it('an agent handed the conversation calls its own fitting tools, then answers', () => {
    // The history ends in another agent's handoff result; this agent's tools are still uncalled.
    const handedOff = {
      tools: [stockTool, weatherTool],
      lastUserText: 'What is the weather in Paris?',
      lastIsToolResult: true,
      toolResultText: '{"assistant":"Weather"}',
      calledToolNames: ['transfer_to_weather'],
    };
    expect(decideTurn(makeView(handedOff), 'x/y').toolCalls.map((c) => c.name)).toEqual(['get_weather']);
    const done = { ...handedOff, calledToolNames: ['transfer_to_weather', 'get_weather'] };
    expect(decideTurn(makeView(done), 'x/y').toolCalls).toEqual([]);
  });

  it('answers valid JSON in JSON mode and schema mode', () => {
    const plain = decideTurn(makeView({ jsonSchema: {} }), 'x/y');
    expect(typeof JSON.parse(plain.text).answer).toBe('string');
    const schema = {
      type: 'object',
      properties: {
        summary: { type: 'string' },
        score: { type: 'number', minimum: 0, maximum: 1 },
        tags: { type: 'array', items: { type: 'string' } },
      },
      required: ['summary', 'score', 'tags'],
      additionalProperties: false,
    };
    const turn = decideTurn(makeView({ jsonSchema: schema }), 'x/y');
    expect(new Validator(schema as never, '2020-12').validate(JSON.parse(turn.text)).errors).toEqual([]);
    expect(turn.textPieces.join('')).toBe(turn.text);
  });

  it('truncates at max tokens with finish reason length', () => {
    const turn = decideTurn(makeView({ maxTokens: 5 }), 'x/y');
    expect(turn.finishReason).toBe('length');
    expect(turn.text.length).toBeLessThanOrEqual(20);
    expect(turn.usage.completionTokens).toBeLessThanOrEqual(5);
    expect(decideTurn(makeView(), 'x/y').text.startsWith(turn.text)).toBe(true);
  });

  it('cuts at the first stop sequence with finish reason stop', () => {
    const full = decideTurn(makeView(), 'x/y').text;
    const turn = decideTurn(makeView({ stop: ['"'] }), 'x/y');
    expect(turn.text).toBe(full.slice(0, full.indexOf('"')));
    expect(turn.finishReason).toBe('stop');
  });

  it('estimates usage from text length', () => {
    const view = makeView();
    const turn = decideTurn(view, 'x/y');
    expect(turn.usage.promptTokens).toBe(Math.ceil(view.allText.length / 4) + 8);
    expect(turn.usage.completionTokens).toBe(Math.ceil(turn.text.length / 4));
  });
});

import { type StreamFailure, translateChunks } from '../../flow';
import type { ChatCompletionChunk, FinishReason, Usage } from '../../hub';
import { type ResponseContext, functionCallItemId, messageItemId, responseShell, statusFor, toResponsesUsage } from './from-chat';
import type {
  FunctionCallOutputItem,
  MessageOutputItem,
  OutputItem,
  OutputTextPart,
  RefusalPart,
  ResponseObject,
  ResponsesEvent,
} from './types';

/**
 * Hub chunk stream → Responses API event stream. Pure and incremental: feed chunks with push(),
 * then finish() (or fail()). Sequence: response.created, response.in_progress, then per output item
 * output_item.added → (content_part.added → output_text.delta… → output_text.done → content_part.done |
 * function_call_arguments.delta… → function_call_arguments.done) → output_item.done, and finally
 * response.completed / response.incomplete (or response.failed).
 */

interface OpenMessage {
  outputIndex: number;
  item: MessageOutputItem;
  textPart?: { index: number; part: OutputTextPart };
  refusalPart?: { index: number; part: RefusalPart };
}

interface OpenCall {
  outputIndex: number;
  item: FunctionCallOutputItem;
}

export class ResponsesStreamTranslator {
  private seq = 0;
  private started = false;
  private model = '';
  private readonly output: OutputItem[] = [];
  private message: OpenMessage | null = null;
  private readonly calls = new Map<number, OpenCall>();
  private finishReason: FinishReason | null = null;
  private usage: Usage | null = null;

  constructor(private readonly ctx: ResponseContext) {}

  private event(type: string, fields: Record<string, unknown>): ResponsesEvent {
    return { type, sequence_number: this.seq++, ...fields };
  }

  private snapshot(status: ResponseObject['status']): ResponseObject {
    return { ...responseShell(this.ctx, this.model, status), output: structuredClone(this.output) };
  }

  private start(model: string, out: ResponsesEvent[]): void {
    if (this.started) return;
    this.started = true;
    this.model = model;
    out.push(this.event('response.created', { response: this.snapshot('in_progress') }));
    out.push(this.event('response.in_progress', { response: this.snapshot('in_progress') }));
  }

  private openMessage(out: ResponsesEvent[]): OpenMessage {
    if (this.message) return this.message;
    const outputIndex = this.output.length;
    const item: MessageOutputItem = {
      type: 'message',
      id: messageItemId(this.ctx.decisionId, outputIndex),
      status: 'in_progress',
      role: 'assistant',
      content: [],
    };
    this.output.push(item);
    this.message = { outputIndex, item };
    out.push(this.event('response.output_item.added', { output_index: outputIndex, item: structuredClone(item) }));
    return this.message;
  }

  private addPart<P extends OutputTextPart | RefusalPart>(msg: OpenMessage, part: P, out: ResponsesEvent[]): { index: number; part: P } {
    const index = msg.item.content.length;
    msg.item.content.push(part);
    out.push(
      this.event('response.content_part.added', {
        item_id: msg.item.id,
        output_index: msg.outputIndex,
        content_index: index,
        part: structuredClone(part),
      }),
    );
    return { index, part };
  }

  private closeMessage(status: MessageOutputItem['status'], out: ResponsesEvent[]): void {
    const msg = this.message;
    if (!msg) return;
    const where = { item_id: msg.item.id, output_index: msg.outputIndex };
    if (msg.textPart) {
      out.push(
        this.event('response.output_text.done', {
          ...where,
          content_index: msg.textPart.index,
          text: msg.textPart.part.text,
          logprobs: [],
        }),
      );
      out.push(
        this.event('response.content_part.done', { ...where, content_index: msg.textPart.index, part: structuredClone(msg.textPart.part) }),
      );
    }
    if (msg.refusalPart) {
      out.push(
        this.event('response.refusal.done', { ...where, content_index: msg.refusalPart.index, refusal: msg.refusalPart.part.refusal }),
      );
      out.push(
        this.event('response.content_part.done', {
          ...where,
          content_index: msg.refusalPart.index,
          part: structuredClone(msg.refusalPart.part),
        }),
      );
    }
    msg.item.status = status;
    out.push(this.event('response.output_item.done', { output_index: msg.outputIndex, item: structuredClone(msg.item) }));
    this.message = null;
  }

  private closeCalls(status: FunctionCallOutputItem['status'], out: ResponsesEvent[]): void {
    for (const call of [...this.calls.values()].sort((a, b) => a.outputIndex - b.outputIndex)) {
      const where = { item_id: call.item.id, output_index: call.outputIndex };
      out.push(this.event('response.function_call_arguments.done', { ...where, name: call.item.name, arguments: call.item.arguments }));
      call.item.status = status;
      out.push(this.event('response.output_item.done', { output_index: call.outputIndex, item: structuredClone(call.item) }));
    }
    this.calls.clear();
  }

  push(chunk: ChatCompletionChunk): ResponsesEvent[] {
    const out: ResponsesEvent[] = [];
    this.start(chunk.model, out);
    if (chunk.usage) this.usage = chunk.usage;
    const choice = chunk.choices[0];
    if (!choice) return out;
    const delta = choice.delta;
    if (delta.content) {
      const msg = this.openMessage(out);
      msg.textPart ??= this.addPart(msg, { type: 'output_text', text: '', annotations: [], logprobs: [] }, out);
      msg.textPart.part.text += delta.content;
      out.push(
        this.event('response.output_text.delta', {
          item_id: msg.item.id,
          output_index: msg.outputIndex,
          content_index: msg.textPart.index,
          delta: delta.content,
          logprobs: [],
        }),
      );
    }
    if (delta.refusal) {
      const msg = this.openMessage(out);
      msg.refusalPart ??= this.addPart(msg, { type: 'refusal', refusal: '' }, out);
      msg.refusalPart.part.refusal += delta.refusal;
      out.push(
        this.event('response.refusal.delta', {
          item_id: msg.item.id,
          output_index: msg.outputIndex,
          content_index: msg.refusalPart.index,
          delta: delta.refusal,
        }),
      );
    }
    for (const tc of delta.tool_calls ?? []) {
      let call = this.calls.get(tc.index);
      if (!call) {
        // A function call is its own output item: the text before it is complete.
        this.closeMessage('completed', out);
        const outputIndex = this.output.length;
        const item: FunctionCallOutputItem = {
          type: 'function_call',
          id: functionCallItemId(this.ctx.decisionId, outputIndex),
          call_id: tc.id ?? `call_${this.ctx.decisionId}_${outputIndex}`,
          name: tc.function?.name ?? '',
          arguments: '',
          status: 'in_progress',
        };
        this.output.push(item);
        call = { outputIndex, item };
        this.calls.set(tc.index, call);
        out.push(this.event('response.output_item.added', { output_index: outputIndex, item: structuredClone(item) }));
      } else if (tc.function?.name && !call.item.name) {
        call.item.name = tc.function.name;
      }
      const args = tc.function?.arguments;
      if (args) {
        call.item.arguments += args;
        out.push(
          this.event('response.function_call_arguments.delta', { item_id: call.item.id, output_index: call.outputIndex, delta: args }),
        );
      }
    }
    if (choice.finish_reason) this.finishReason = choice.finish_reason;
    return out;
  }

  /** After the last chunk: close open items and send the terminal event with the full response. */
  finish(): ResponsesEvent[] {
    const out: ResponsesEvent[] = [];
    this.start(this.model, out);
    const { status, incomplete_details } = statusFor(this.finishReason);
    const itemStatus = status === 'incomplete' ? 'incomplete' : 'completed';
    this.closeMessage(itemStatus, out);
    this.closeCalls(itemStatus, out);
    const response: ResponseObject = {
      ...this.snapshot(status),
      incomplete_details,
      ...(this.usage ? { usage: toResponsesUsage(this.usage) } : {}),
    };
    out.push(this.event(status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response }));
    return out;
  }

  /** The upstream failed after the answer began: the response ends as failed, never silently. */
  fail(failure: StreamFailure): ResponsesEvent[] {
    const out: ResponsesEvent[] = [];
    this.start(this.model, out);
    const response: ResponseObject = { ...this.snapshot('failed'), error: { code: 'server_error', message: failure.error.message } };
    out.push(this.event('response.failed', { response }));
    return out;
  }
}

/** Runs a hub chunk stream through the translator. */
export function responsesEvents(
  chunks: AsyncIterable<ChatCompletionChunk | StreamFailure>,
  ctx: ResponseContext,
): AsyncGenerator<ResponsesEvent> {
  return translateChunks(chunks, new ResponsesStreamTranslator(ctx));
}

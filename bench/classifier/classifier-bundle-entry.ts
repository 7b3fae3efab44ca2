// Minimal Worker that only classifies: lets `bench/classifier/classifier-bundle.sh` measure what the classifier adds to
// the bundle (engine code + model) independently of the gateway's entry point.
import { classify } from '../../src/classifier';

export default {
  async fetch(req: Request): Promise<Response> {
    const text = await req.text();
    const c = await classify({ text, hasImages: false, hasTools: false, stream: false, inputChars: text.length });
    return Response.json({ taskClass: c.taskClass, complexity: c.complexity, strategy: c.strategy, ms: c.ms });
  },
};

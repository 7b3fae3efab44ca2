"""Assembles the labelled pool and the complexity rows into training/.cache/.

Usage: /usr/bin/python3 training/prepare_data.py --data DATA_DIR --mirror MIRROR_DIR [--out training/.cache]
  DATA_DIR   holds classifier/ (real_prompts.jsonl, llmrouter_queries_*.jsonl) and routing/ (outcome data)
  MIRROR_DIR holds snapshots of the public repositories in sources.REPOS (owner+name/repo bare git dirs)
Writes pool.jsonl (class rows), outcomes.jsonl (complexity rows), meta.json.

training/eval/handwritten_v6.jsonl is never read except to drop any row that equals one of its prompts (normalised
text) or nearly paraphrases one (word Jaccard >= 0.3): that set is for the final report only. The earlier final-report
sets, training/eval/handwritten_v2.jsonl to handwritten_v5.jsonl, are training sources now (families handwritten-v2
to handwritten-v5), each made one after its single report.
"""
import argparse
import json
import os
import random
import re
from collections import Counter, defaultdict

import sources
from outcomes import complexity_rows

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = ["sql", "debugging", "code_generation", "math", "reasoning", "creative_writing", "summarization",
           "translation", "extraction", "classification", "chat", "tool_use"]


def norm(text):
    return re.sub(r"\s+", " ", text.lower()).strip()


FINAL_EVAL = os.path.join(HERE, "eval", "handwritten_v6.jsonl")


def final_eval_texts(path=FINAL_EVAL):
    with open(path, encoding="utf-8") as f:
        return {norm(json.loads(line)["prompt"]) for line in f if line.strip()}


def words(text):
    return frozenset(re.findall(r"\w+", text.lower()))


class NearFinalEval:
    """True for a text whose word set overlaps one of the final-report prompts by Jaccard >= 0.3: the hand-written
    sets and the own prompts come from similar writers, so a near-paraphrase in training would flatter the report."""

    def __init__(self, texts, threshold=0.3, max_df=20):
        self.sets = [words(t) for t in texts]
        self.threshold = threshold
        by_word = {}
        for i, s in enumerate(self.sets):
            for w in s:
                by_word.setdefault(w, []).append(i)
        # Candidates come from the rarer words only (a near-paraphrase shares some); the check itself is exact.
        self.by_word = {w: ids for w, ids in by_word.items() if len(ids) <= max_df}

    def __call__(self, text):
        s = words(text)
        cands = {i for w in s for i in self.by_word.get(w, ())}
        return any(len(s & self.sets[i]) / len(s | self.sets[i]) >= self.threshold for i in cands)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--mirror", required=True)
    ap.add_argument("--corpus", help="template corpus from training/corpus/generate.py (optional)")
    ap.add_argument("--out", default=os.path.join(HERE, ".cache"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--without-final-eval", action="store_true",
                    help="development builds only, before the final-report set exists: no exclusion filter")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    cls = os.path.join(a.data, "classifier")
    gens = [
        sources.real_prompts(os.path.join(cls, "real_prompts.jsonl"),
                             os.path.join(HERE, "labels", "real_prompts_first_pass.jsonl")),
        sources.llmrouter([os.path.join(cls, "llmrouter_queries_train.jsonl"),
                           os.path.join(cls, "llmrouter_queries_test.jsonl")]),
        sources.clinc(a.mirror, rng), sources.snips(a.mirror, rng), sources.staqc(a.mirror, rng),
        sources.xquad(a.mirror, rng), sources.xcopa(a.mirror, rng),
        sources.simple_jsonl(os.path.join(HERE, "corpus", "own_prompts.jsonl"), "own"),
        sources.simple_jsonl(os.path.join(HERE, "heldout_handwritten.jsonl"), "handwritten-v1"),
        sources.simple_jsonl(os.path.join(HERE, "eval", "handwritten_v2.jsonl"), "handwritten-v2", "prompt", "task_class"),
        sources.simple_jsonl(os.path.join(HERE, "eval", "handwritten_v3.jsonl"), "handwritten-v3", "prompt", "task_class"),
        sources.simple_jsonl(os.path.join(HERE, "eval", "handwritten_v4.jsonl"), "handwritten-v4", "prompt", "task_class"),
        sources.simple_jsonl(os.path.join(HERE, "eval", "handwritten_v5.jsonl"), "handwritten-v5", "prompt", "task_class"),
        sources.simple_jsonl(os.path.join(HERE, "corpus", "own_prompts_2.jsonl"), "own-2"),
        sources.simple_jsonl(os.path.join(HERE, "corpus", "own_prompts_3.jsonl"), "own-3"),
        sources.alpaca_seed(a.mirror, os.path.join(HERE, "labels", "alpaca_seed_tasks.jsonl")),
    ]
    if a.corpus:
        gens.append(sources.simple_jsonl(a.corpus, "corpus"))
    banned = set() if a.without_final_eval else final_eval_texts()
    near = NearFinalEval(banned)
    seen, pool, dropped = set(), [], Counter()
    for gen in gens:
        for r in gen:
            key = norm(r["text"])
            if key in banned:
                dropped["final_eval"] += 1
            elif near(key):
                dropped["near_final_eval"] += 1
                dropped["near_final_eval/" + r["family"]] += 1
            elif key in seen or not key:
                dropped["duplicate"] += 1
            else:
                assert r["label"] in CLASSES, r
                seen.add(key)
                pool.append(r)
    outcomes = [r for r in complexity_rows(os.path.join(a.data, "routing"))
                if norm(r["text"]) not in banned and not near(norm(r["text"]))]
    os.makedirs(a.out, exist_ok=True)
    for name, rows in [("pool", pool), ("outcomes", outcomes)]:
        with open(os.path.join(a.out, f"{name}.jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    per_class = defaultdict(Counter)
    for r in pool:
        per_class[r["label"]][r["family"]] += 1
    meta = {"rows": len(pool), "final_eval_filter": not a.without_final_eval, "dropped": dropped, "classes": Counter(r["label"] for r in pool),
            "families": Counter(r["family"] for r in pool),
            "class_families": {c: dict(per_class[c].most_common()) for c in CLASSES},
            "outcomes": Counter(r["family"] for r in outcomes)}
    with open(os.path.join(a.out, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    print(json.dumps(meta, indent=1))


if __name__ == "__main__":
    main()

"""Builds train / held-out splits for the intent classifier.

Inputs (paths are arguments; the shared datasets are never copied into the repo):
  --llmrouter-train / --llmrouter-test : LLMRouter query jsonl (real benchmark prompts with task_name)
  --routing-dir                       : RouterBench csvs (per-prompt 0/1 outcomes of 11 models)
  --corpus                            : the project's generated corpus (training/corpus/generate.py output)
  --handwritten                       : training/heldout_handwritten.jsonl (hand-written, never templated)
Outputs in --out (training/.cache/): train.jsonl, heldout_real.jsonl, heldout_routerbench.jsonl, meta.json.
Row: {"text", "label" (class or null), "complexity" (0/1 or null), "source", "group"}.
"""
import argparse
import ast
import csv
import glob
import json
import os
import random
import re
from collections import Counter

CLASSES = ["sql", "debugging", "code_generation", "math", "reasoning", "creative_writing", "summarization",
           "translation", "extraction", "classification", "chat", "tool_use"]

# LLMRouter task_name -> product class. Multiple-choice knowledge/science benchmarks are "reasoning": they need
# a considered answer, not chit-chat. Open factual questions (natural_qa, trivia_qa) are what users ask in "chat".
# agentverse-* rows are NOT tool use despite the name: agentverse-mgsm is multilingual grade-school math and
# agentverse-logicgrid is logic-grid puzzles, so labelling them tool_use would teach the model that puzzles are
# agentic. Tool use comes from the project corpus instead.
TASK_MAP = {
    "gsm8k": "math", "math": "math", "agentverse-mgsm": "math",
    "mbpp": "code_generation", "human_eval": "code_generation",
    "mmlu": "reasoning", "gpqa": "reasoning", "commonsense_qa": "reasoning", "openbook_qa": "reasoning",
    "arc_challenge": "reasoning", "agentverse-logicgrid": "reasoning",
    "natural_qa": "chat", "trivia_qa": "chat",
    "commongen": "creative_writing",
}
ROUTERBENCH_CLASS = {"arc-challenge": "reasoning", "winogrande": "reasoning", "mbpp": "code_generation"}

# Complexity label (documented in src/classifier/README.md): 1 when the cheap tier fails a prompt that the strong
# tier solves, i.e. when escalating to a strong model changes the outcome.
CHEAP = ["gpt-3.5-turbo-1106", "meta/llama-2-70b-chat", "mistralai/mistral-7b-chat"]
STRONG = ["gpt-4-1106-preview", "claude-v2"]

# RouterBench prompts carry few-shot examples; each shot ends with "Answer:\n<letter>" and a blank line.
SHOT_END = re.compile(r"Answer:\s*\n?\s*[A-E]\s*\n\n")


def last_question(prompt: str) -> str:
    try:
        parts = ast.literal_eval(prompt)
        text = parts[-1] if isinstance(parts, list) else str(parts)
    except (ValueError, SyntaxError):
        text = prompt
    chunks = SHOT_END.split(text)
    return chunks[-1].strip()


def complexity_label(row):
    def score(m):
        v = row.get(m, "")
        return None if v == "" else float(v)
    cheap = [s for s in map(score, CHEAP) if s is not None]
    strong = [s for s in map(score, STRONG) if s is not None]
    if len(cheap) < 2 or not strong:
        return None
    failed_share = sum(1 for s in cheap if s < 0.5) / len(cheap)
    solvable = max(strong) >= 0.5
    # Binary label (evaluation): most cheap models fail a prompt a strong one solves. Soft label (training):
    # the failing share itself, zero when no strong model solves it either.
    return (1 if failed_share > 0.5 and solvable else 0), (failed_share if solvable else 0.0)


def read_jsonl(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--llmrouter-train", required=True)
    ap.add_argument("--llmrouter-test", required=True)
    ap.add_argument("--routing-dir", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--handwritten", required=True)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), ".cache"))
    ap.add_argument("--rb-heldout-frac", type=float, default=0.25)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)

    train, heldout_real, heldout_rb = [], [], []
    for r in read_jsonl(a.llmrouter_train):
        train.append({"text": r["query"], "label": TASK_MAP[r["task_name"]], "complexity": None,
                      "source": "llmrouter", "group": r["task_name"]})
    for r in read_jsonl(a.llmrouter_test):
        heldout_real.append({"text": r["query"], "label": TASK_MAP[r["task_name"]], "complexity": None,
                             "source": "llmrouter_test", "group": r["task_name"]})
    for r in read_jsonl(a.corpus):
        train.append({"text": r["text"], "label": r["label"], "complexity": None, "source": "corpus",
                      "group": r["label"]})
    for r in read_jsonl(a.handwritten):
        heldout_real.append({"text": r["text"], "label": r["label"], "complexity": None, "source": "handwritten",
                             "group": r["label"]})

    for path in sorted(glob.glob(os.path.join(a.routing_dir, "routerbench_*_train.csv"))):
        with open(path, newline="") as f:
            rows = list(csv.DictReader(f))
        rng.shuffle(rows)
        n_hold = int(len(rows) * a.rb_heldout_frac)
        for i, row in enumerate(rows):
            labelled = complexity_label(row)
            if labelled is None:
                continue
            y, soft = labelled
            rec = {"text": last_question(row["prompt"]), "label": ROUTERBENCH_CLASS.get(row["eval_name"]),
                   "complexity": y, "complexity_soft": round(soft, 4), "source": "routerbench",
                   "group": row["eval_name"]}
            (heldout_rb if i < n_hold else train).append(rec)

    # The held-out real prompts must not leak into training as exact duplicates.
    held_texts = {r["text"] for r in heldout_real} | {r["text"] for r in heldout_rb}
    train = [r for r in train if r["text"] not in held_texts]
    rng.shuffle(train)

    for name, rows in [("train", train), ("heldout_real", heldout_real), ("heldout_routerbench", heldout_rb)]:
        with open(os.path.join(a.out, f"{name}.jsonl"), "w") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    meta = {
        "classes": CLASSES,
        "train_counts": Counter(r["label"] for r in train),
        "heldout_real_counts": Counter(r["label"] for r in heldout_real),
        "routerbench_train_pos_rate": sum(r["complexity"] for r in train if r["complexity"] is not None)
        / max(1, sum(1 for r in train if r["complexity"] is not None)),
        "routerbench_heldout": len(heldout_rb),
        "routerbench_heldout_pos_rate": sum(r["complexity"] for r in heldout_rb) / max(1, len(heldout_rb)),
    }
    with open(os.path.join(a.out, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    print(json.dumps(meta, indent=1))


if __name__ == "__main__":
    main()

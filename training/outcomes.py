"""Complexity labels from per-prompt outcome data (/work/shared/data/routing, passed as a path).

One notion across sources: a prompt is hard (y = 1) when the weaker models mostly fail it while a stronger model
solves it, i.e. when escalating changes the outcome. `soft` is the failing share of the weak models (0 when no
strong model solves it either), used as the training target. Each source measures it as its data allows:
  routerbench  cheap = gpt-3.5-turbo-1106, llama-2-70b-chat, mistral-7b-chat; strong = gpt-4-1106-preview, claude-v2
  alpacaeval   weak = every listed model except the reference and the adversarial entries; "fails" = loses to
               the reference (gpt-4-1106-preview judged by GPT-4 Turbo); strong = the reference itself, so y = 1
               when more than 3/4 of the models lose (the overall loss rate is ~70 %, so this marks the top of it)
  routerdc     7 open 7B models' scores in [0, 1]; fails = score < 0.5; strong = the best of the seven
Sources (families for the held-out-source evaluation): rb-<benchmark>, alpacaeval, rdc-<file>.
"""
import ast
import csv
import glob
import json
import os
import re

CHEAP = ["gpt-3.5-turbo-1106", "meta/llama-2-70b-chat", "mistralai/mistral-7b-chat"]
STRONG = ["gpt-4-1106-preview", "claude-v2"]
SHOT_END = re.compile(r"Answer:\s*\n?\s*[A-E]\s*\n\n")
AE_SKIP = {"gpt4_1106_preview", "NullModel", "gpt4_gamed"}


def last_question(prompt):
    # RouterBench prompts carry few-shot examples; keep the final question, which is what a user would send.
    try:
        parts = ast.literal_eval(prompt)
        text = parts[-1] if isinstance(parts, list) else str(parts)
    except (ValueError, SyntaxError):
        text = prompt
    return SHOT_END.split(text)[-1].strip()


def routerbench(routing_dir):
    for path in sorted(glob.glob(os.path.join(routing_dir, "routerbench_*_train.csv"))):
        with open(path, newline="") as f:
            for r in csv.DictReader(f):
                cheap = [float(r[m]) for m in CHEAP if r.get(m, "") != ""]
                strong = [float(r[m]) for m in STRONG if r.get(m, "") != ""]
                if len(cheap) < 2 or not strong:
                    continue
                share = sum(1 for s in cheap if s < 0.5) / len(cheap)
                solvable = max(strong) >= 0.5
                yield {"text": last_question(r["prompt"]), "family": "rb-" + r["eval_name"],
                       "y": int(share > 0.5 and solvable), "soft": share if solvable else 0.0}


def alpacaeval(routing_dir):
    with open(os.path.join(routing_dir, "alpacaeval_outcomes.csv"), newline="") as f:
        reader = csv.DictReader(f)
        models = [c for c in reader.fieldnames[3:] if "|" not in c and c not in AE_SKIP]
        for r in reader:
            wins = [float(r[m]) for m in models if r[m] != ""]
            share = sum(1 for w in wins if w < 0.5) / len(wins)
            yield {"text": r["prompt"], "family": "alpacaeval", "y": int(share > 0.75), "soft": share}


def routerdc(routing_dir):
    for path in sorted(glob.glob(os.path.join(routing_dir, "routerdc_split2_model7", "*.json"))):
        name = os.path.basename(path).replace("_train.json", "").replace("-train.json", "")
        with open(path) as f:
            for r in json.load(f):
                scores = list(r["scores"].values())
                share = sum(1 for s in scores if s < 0.5) / len(scores)
                solvable = max(scores) >= 0.5
                yield {"text": r["question"], "family": "rdc-" + name, "y": int(share > 0.5 and solvable),
                       "soft": share if solvable else 0.0}


def complexity_rows(routing_dir):
    return list(routerbench(routing_dir)) + list(alpacaeval(routing_dir)) + list(routerdc(routing_dir))

"""Honest evaluation of the intent model. Usage (after prepare_data, embeddings, train, export):

  /usr/bin/python3 training/evaluate.py loso        [--cache C] [--epochs 3] [--per-epoch 12000]  -> C/loso.json
                                                    [--families F ...] [--reverse] [--out NAME]
                                                    [--save-predictions PRED.jsonl]
  /usr/bin/python3 training/evaluate.py complexity  [--cache C]                                   -> C/complexity.json
  /usr/bin/python3 training/evaluate.py final PRED.jsonl [--cache C]                               -> C/final.json
  /usr/bin/python3 training/evaluate.py report      [--cache C]         markdown tables of the above

loso: for every source family with >= 100 rows, train a fresh model without it (same recipe, shorter schedule)
and test on it: macro-F1 over the classes present in that family, and accuracy. A family that holds one class
has macro-F1 = that class's F1 (precision is then 1 whenever anything is predicted as it).
complexity: for every outcome source, a logistic head on the shipped model's pooled representation, trained on the
other sources, vs a bag-of-words logistic regression (word uni+bigrams, hashed) trained on the same rows: ROC-AUC
on the held-out source.
final: scores the output of scripts/classify.ts on training/eval/handwritten_v6.jsonl with the label renamed to
`gold` (run.sh does it; the shipped int8 model in the TypeScript engine): per-class precision/recall, confusion matrix, coarse-group accuracy, non-English subset.
Run it once, after every choice is frozen.
"""
import argparse
import json
import os
import sys
from collections import Counter

import numpy as np
import torch

import sources
import train
from train import CLASSES, read_jsonl

COARSE = {"sql": "coding", "debugging": "coding", "code_generation": "coding", "creative_writing": "writing",
          "math": "math", "reasoning": "reasoning", "classification": "reasoning", "extraction": "extraction",
          "summarization": "extraction", "chat": "chat", "translation": "translation", "tool_use": "tool_use"}


def prf(y_true, y_pred, classes):
    out = {}
    for c in classes:
        tp = sum(1 for t, p in zip(y_true, y_pred) if t == c and p == c)
        fp = sum(1 for t, p in zip(y_true, y_pred) if t != c and p == c)
        fn = sum(1 for t, p in zip(y_true, y_pred) if t == c and p != c)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        out[c] = {"precision": round(pr, 3), "recall": round(rc, 3),
                  "f1": round(2 * pr * rc / (pr + rc), 3) if pr + rc else 0.0, "support": tp + fn}
    return out


def macro_f1(y_true, y_pred):
    present = sorted(set(y_true))
    per = prf(y_true, y_pred, present)
    return round(float(np.mean([per[c]["f1"] for c in present])), 3), per


def done_elsewhere(a, out_path):
    """Families a second loso process (the other end of the size order) has already written."""
    done = set()
    for name in ("loso.json", "loso-small.json"):
        path = os.path.join(a.cache, name)
        if path != out_path and os.path.exists(path):
            done |= set(json.load(open(path)))
    return done


def loso(a):
    vectors, _, lookup, _, _ = train.load_lookup(a.cache)
    pool = read_jsonl(os.path.join(a.cache, "pool.jsonl"))
    ex = train.encode_cached(a.cache, "pool", [r["text"] for r in pool], [r["has_tools"] for r in pool], lookup)
    fams = Counter(r["family"] for r in pool)
    out_path = os.path.join(a.cache, a.out or "loso.json")
    result = json.load(open(out_path)) if os.path.exists(out_path) else {}
    for fam, n in sorted(fams.items(), key=lambda kv: kv[1] if a.reverse else -kv[1]):
        if n < 100 or fam in result or fam in done_elsewhere(a, out_path) or (a.families and fam not in a.families):
            continue
        tr = [i for i, r in enumerate(pool) if r["family"] != fam]
        te = [i for i, r in enumerate(pool) if r["family"] == fam]
        model = train.train_model(vectors, [ex[i] for i in tr], [pool[i]["label"] for i in tr],
                                  [pool[i]["family"] for i in tr], epochs=a.epochs, per_epoch=a.per_epoch, log=False,
                                  seed=a.seed)
        pred = train.predict(model, [ex[i] for i in te], len(vectors)).argmax(1)
        y_true = [pool[i]["label"] for i in te]
        y_pred = [CLASSES[p] for p in pred]
        if a.save_predictions:  # per-row predictions, for audits of the held-out family's labels
            with open(a.save_predictions, "a", encoding="utf-8") as f:
                for i, p in zip(te, y_pred):
                    f.write(json.dumps({"id": sources.prompt_id(pool[i]["text"]), "family": fam,
                                        "label": pool[i]["label"], "pred": p}) + "\n")
        mf1, per = macro_f1(y_true, y_pred)
        acc = round(float(np.mean([t == p for t, p in zip(y_true, y_pred)])), 3)
        wrong = Counter(p for t, p in zip(y_true, y_pred) if t != p).most_common(3)
        result[fam] = {"rows": n, "classes": dict(Counter(y_true)), "macro_f1": mf1, "accuracy": acc,
                       "per_class_f1": {c: v["f1"] for c, v in per.items()}, "top_errors": wrong}
        print(f"{fam:32s} n={n:5d} macroF1={mf1:.3f} acc={acc:.3f} errors={wrong}", flush=True)
        json.dump(result, open(out_path, "w"), indent=1)
    vals = [v for v in result.values()]
    summary = {"families": len(vals), "mean_macro_f1": round(float(np.mean([v["macro_f1"] for v in vals])), 3),
               "mean_accuracy": round(float(np.mean([v["accuracy"] for v in vals])), 3)}
    print(json.dumps(summary))


def auc(y, s):
    y, s = np.asarray(y), np.asarray(s)
    order = np.argsort(s)
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    for v in np.unique(s):  # average ranks of ties
        m = s == v
        ranks[m] = ranks[m].mean()
    pos = y == 1
    n1, n0 = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)) if n1 and n0 else float("nan")


def complexity(a):
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.linear_model import LogisticRegression
    vectors, _, lookup, _, _ = train.load_lookup(a.cache)
    saved = torch.load(os.path.join(a.cache, "model.pt"))
    from model import IntentModel
    model = IntentModel(vectors, len(CLASSES))
    model.load_state_dict(saved["state"])
    model.eval()
    rows = read_jsonl(os.path.join(a.cache, "outcomes.jsonl"))
    ex = train.encode_cached(a.cache, "outcomes", [r["text"] for r in rows], [False] * len(rows), lookup)
    X = train.pooled(model, ex, len(vectors))
    bow = HashingVectorizer(n_features=2 ** 18, ngram_range=(1, 2), alternate_sign=False, norm="l2")
    B = bow.transform([r["text"] for r in rows])
    fam = np.array([r["family"] for r in rows])
    y = np.array([r["y"] for r in rows])
    soft = train.centred_soft(rows)
    result = {}
    for f in sorted(set(fam)):
        te, tr = fam == f, fam != f
        w, b = train.fit_complexity(X[tr], soft[tr])
        base = LogisticRegression(C=1.0, max_iter=2000).fit(B[tr], y[tr])
        result[f] = {"rows": int(te.sum()), "positive_rate": round(float(y[te].mean()), 3),
                     "auc_model": round(auc(y[te], X[te] @ w + b), 3),
                     "auc_bow": round(auc(y[te], base.decision_function(B[te])), 3)}
        print(f, result[f], flush=True)
    json.dump(result, open(os.path.join(a.cache, "complexity.json"), "w"), indent=1)


def final(a):
    rows = read_jsonl(a.pred)
    y_true = [r["gold"] for r in rows]
    y_pred = [r["task_class"] for r in rows]
    per = prf(y_true, y_pred, CLASSES)
    cm = {t: dict(Counter(p for tt, p in zip(y_true, y_pred) if tt == t)) for t in CLASSES}
    coarse_acc = float(np.mean([COARSE[t] == COARSE[p] for t, p in zip(y_true, y_pred)]))
    non_en = [(t, p) for r, t, p in zip(rows, y_true, y_pred) if r.get("language", "en") != "en"]
    result = {
        "n": len(rows), "accuracy": round(float(np.mean([t == p for t, p in zip(y_true, y_pred)])), 3),
        "macro_f1": round(float(np.mean([v["f1"] for v in per.values()])), 3), "coarse_accuracy": round(coarse_acc, 3),
        "non_english": {"n": len(non_en), "accuracy": round(float(np.mean([t == p for t, p in non_en])), 3),
                        "coarse_accuracy": round(float(np.mean([COARSE[t] == COARSE[p] for t, p in non_en])), 3),
                        "predicted_translation_when_not": sum(1 for t, p in non_en if p == "translation" != t)},
        "per_class": per, "confusion": cm,
    }
    json.dump(result, open(os.path.join(a.cache, "final.json"), "w"), indent=1)
    print(json.dumps({k: v for k, v in result.items() if k not in ("confusion",)}, indent=1))


def report(a):
    """Markdown tables of the saved results, for bench/classifier/README.md."""
    res = {}
    for name in ("loso.json", "loso-small.json"):
        path = os.path.join(a.cache, name)
        if os.path.exists(path):
            res.update(json.load(open(path)))
    print("| held-out family | rows | classes | macro-F1 | accuracy | most frequent wrong answers |")
    print("|---|---:|---|---:|---:|---|")
    for f, v in sorted(res.items(), key=lambda kv: -kv[1]["rows"]):
        cls = ", ".join(f"{c} {n}" for c, n in sorted(v["classes"].items(), key=lambda kv: -kv[1]))
        err = ", ".join(f"{c} {n}" for c, n in v["top_errors"])
        print(f"| {f} | {v['rows']} | {cls} | {v['macro_f1']:.3f} | {v['accuracy']:.3f} | {err} |")
    print(f"| **mean over {len(res)} families** | | | **{np.mean([v['macro_f1'] for v in res.values()]):.3f}** | "
          f"**{np.mean([v['accuracy'] for v in res.values()]):.3f}** | |")
    meta = json.load(open(os.path.join(a.cache, "meta.json")))
    print("\n| class | rows | source families | largest family share |\n|---|---:|---:|---:|")
    for c in CLASSES:
        fam = meta["class_families"][c]
        n = sum(fam.values())
        print(f"| {c} | {n} | {len(fam)} | {max(fam.values()) / n:.2f} ({max(fam, key=fam.get)}) |")
    cx = json.load(open(os.path.join(a.cache, "complexity.json")))
    print("\n| held-out outcome source | rows | positive rate | ROC-AUC model | ROC-AUC bag-of-words |\n|---|---:|---:|---:|---:|")
    for f, v in cx.items():
        print(f"| {f} | {v['rows']} | {v['positive_rate']} | {v['auc_model']} | {v['auc_bow']} |")
    fin = json.load(open(os.path.join(a.cache, "final.json")))
    print("\n| class | precision | recall | F1 | support |\n|---|---:|---:|---:|---:|")
    for c, v in fin["per_class"].items():
        print(f"| {c} | {v['precision']} | {v['recall']} | {v['f1']} | {v['support']} |")
    print("\nconfusion (row = label, columns = predictions, zeros left out):")
    for c, row in fin["confusion"].items():
        print(f"- {c}: " + ", ".join(f"{p} {n}" for p, n in sorted(row.items(), key=lambda kv: -kv[1])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["loso", "complexity", "final", "report"])
    ap.add_argument("pred", nargs="?")
    ap.add_argument("--cache", default=os.path.join(train.HERE, ".cache"))
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--per-epoch", type=int, default=12000)
    ap.add_argument("--out", help="loso: result file in the cache (default loso.json)")
    ap.add_argument("--reverse", action="store_true", help="loso: smallest families first (to run two in parallel)")
    ap.add_argument("--families", nargs="+", help="loso: only these families (in size order)")
    ap.add_argument("--save-predictions", metavar="JSONL",
                    help="loso: append {id, family, label, pred} for every held-out row to this file")
    ap.add_argument("--class-exp", type=float, help="loso: override train.CLASS_EXP (sampling experiments)")
    ap.add_argument("--family-exp", type=float, help="loso: override train.FAMILY_EXP (sampling experiments)")
    ap.add_argument("--family-weight", help="loso: JSON object overriding train.FAMILY_WEIGHT (sampling experiments)")
    ap.add_argument("--seed", type=int, default=0, help="loso: training seed")
    ap.add_argument("--recipe", help="loso: JSON object overriding entries of train.RECIPE (recipe experiments)")
    a = ap.parse_args()
    if a.recipe:
        train.RECIPE = dict(train.RECIPE, **json.loads(a.recipe))
    if a.class_exp is not None:
        train.CLASS_EXP = a.class_exp
    if a.family_weight:
        train.FAMILY_WEIGHT = json.loads(a.family_weight)
    if a.family_exp is not None:
        train.FAMILY_EXP = a.family_exp
    torch.set_num_threads(1)
    {"loso": loso, "complexity": complexity, "final": final, "report": report}[a.mode](a)


if __name__ == "__main__":
    sys.exit(main())

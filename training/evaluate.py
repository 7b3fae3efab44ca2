"""Evaluates the intent classifier on held-out REAL prompts and held-out RouterBench rows.

  * Task class: macro-F1, per-class F1 and confusion matrix on LLMRouter's test split (real benchmark prompts)
    plus training/heldout_handwritten.jsonl (hand-written, not from the templates). Reported overall and per
    source, so template-like data can never carry the score alone.
  * Complexity: ROC-AUC on held-out RouterBench rows, model vs a bag-of-words logistic regression (numpy)
    trained on the same RouterBench training rows; pooled and within each benchmark (the pooled figure is
    partly "which benchmark is this", the within-benchmark figure is the harder, more honest one).
Scores the shipped int8 ONNX model through the TypeScript pipeline when --pred-real/--pred-rb (outputs of
`npx tsx scripts/classify.ts`) are given, and always the f32 torch model for comparison.
Usage: /usr/bin/python3 training/evaluate.py [--cache training/.cache] [--pred-real P] [--pred-rb P] [--out training/report.json]
"""
import argparse
import json
import os
import re
from collections import Counter

import numpy as np
import sentencepiece as spm
import torch

from common import encode, model_from_labels, read_jsonl


def f1_report(y_true, y_pred, classes):
    idx = {c: i for i, c in enumerate(classes)}
    cm = np.zeros((len(classes), len(classes)), dtype=int)
    for t, p in zip(y_true, y_pred):
        cm[idx[t], idx[p]] += 1
    per = {}
    for c, i in idx.items():
        tp = cm[i, i]
        fp = cm[:, i].sum() - tp
        fn = cm[i, :].sum() - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[c] = {"f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0, "precision": round(prec, 4),
                  "recall": round(rec, 4), "support": int(cm[i, :].sum())}
    present = [c for c in classes if per[c]["support"] > 0]
    macro = float(np.mean([per[c]["f1"] for c in present])) if present else 0.0
    acc = float(np.trace(cm) / max(1, cm.sum()))
    return {"macro_f1": round(macro, 4), "accuracy": round(acc, 4), "n": int(cm.sum()), "per_class": per,
            "confusion": {"labels": classes, "matrix": cm.tolist()}}


def roc_auc(y, s):
    y = np.asarray(y)
    s = np.asarray(s, dtype=np.float64)
    pos, neg = (y == 1).sum(), (y == 0).sum()
    if pos == 0 or neg == 0:
        return None
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    i = 0
    while i < len(s):  # average ranks over ties
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


WORD = re.compile(r"[a-z0-9_]+")


class BowLogistic:
    """Bag-of-words logistic regression (binary features, L2), batch gradient descent in numpy."""

    def __init__(self, min_count=2, l2=1e-3, lr=0.5, iters=800):
        self.min_count, self.l2, self.lr, self.iters = min_count, l2, lr, iters

    def _x(self, texts):
        x = np.zeros((len(texts), len(self.vocab) + 1), dtype=np.float32)
        for r, t in enumerate(texts):
            for w in set(WORD.findall(t.lower())):
                j = self.vocab.get(w)
                if j is not None:
                    x[r, j] = 1.0
            x[r, -1] = 1.0  # bias
        return x

    def fit(self, texts, y):
        counts = Counter(w for t in texts for w in set(WORD.findall(t.lower())))
        self.vocab = {w: i for i, w in enumerate(sorted(w for w, c in counts.items() if c >= self.min_count))}
        x, y = self._x(texts), np.asarray(y, dtype=np.float32)
        self.w = np.zeros(x.shape[1], dtype=np.float32)
        for _ in range(self.iters):
            p = 1 / (1 + np.exp(-(x @ self.w)))
            grad = x.T @ (p - y) / len(y) + self.l2 * np.r_[self.w[:-1], 0]
            self.w -= self.lr * grad
        return self

    def predict(self, texts):
        return 1 / (1 + np.exp(-(self._x(texts) @ self.w)))


def paired_auc_bootstrap(rows, a, b, resamples=1000, seed=7):
    """AUC(a) - AUC(b) on the same rows: point estimate, 95 % percentile interval, share of resamples above 0."""
    rng = np.random.default_rng(seed)
    y, a, b = np.asarray([r["complexity"] for r in rows]), np.asarray(a), np.asarray(b)
    diffs = []
    for _ in range(resamples):
        idx = rng.integers(0, len(y), len(y))
        da, db = roc_auc(y[idx], a[idx]), roc_auc(y[idx], b[idx])
        if da is not None and db is not None:
            diffs.append(da - db)
    diffs = np.sort(diffs)
    return {"diff": round(roc_auc(y, a) - roc_auc(y, b), 4), "ci95": [round(float(np.percentile(diffs, 2.5)), 4),
            round(float(np.percentile(diffs, 97.5)), 4)], "p_above_0": round(float((diffs > 0).mean()), 3)}


def auc_block(rows, scores):
    out = {"pooled": roc_auc([r["complexity"] for r in rows], scores)}
    for g in sorted({r["group"] for r in rows}):
        sel = [i for i, r in enumerate(rows) if r["group"] == g]
        out[g] = roc_auc([rows[i]["complexity"] for i in sel], [scores[i] for i in sel])
    return {k: (round(v, 4) if v is not None else None) for k, v in out.items()}


def class_eval(rows, preds, classes):
    out = {"all": f1_report([r["label"] for r in rows], preds, classes)}
    for src in sorted({r["source"] for r in rows}):
        sel = [i for i, r in enumerate(rows) if r["source"] == src]
        out[src] = f1_report([rows[i]["label"] for i in sel], [preds[i] for i in sel], classes)
        del out[src]["confusion"]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(os.path.dirname(__file__), ".cache"))
    ap.add_argument("--pred-real", help="classify.ts output for .cache/heldout_real.jsonl (int8 ONNX via TS)")
    ap.add_argument("--pred-rb", help="classify.ts output for .cache/heldout_routerbench.jsonl")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "report.json"))
    a = ap.parse_args()
    labels = json.load(open(os.path.join(a.cache, "labels.json")))
    classes = labels["classes"]
    real = read_jsonl(os.path.join(a.cache, "heldout_real.jsonl"))
    rb = read_jsonl(os.path.join(a.cache, "heldout_routerbench.jsonl"))
    train = read_jsonl(os.path.join(a.cache, "train.jsonl"))
    rb_train = [r for r in train if r["complexity"] is not None]

    sp = spm.SentencePieceProcessor(model_file=os.path.join(a.cache, "spm.model"))
    model = model_from_labels(labels)
    model.load_state_dict(torch.load(os.path.join(a.cache, "intent.pt")))
    model.eval()

    def torch_scores(rows):
        preds, comp = [], []
        with torch.no_grad():
            for r in rows:
                ids = encode(sp, r["text"], labels["arch"])
                logits, c = model(torch.tensor([ids]), torch.ones(1, len(ids), dtype=torch.long))
                preds.append(classes[int(logits[0].argmax())])
                comp.append(float(torch.sigmoid(c[0])))
        return preds, comp

    report = {"classes": classes, "heldout_real_counts": dict(Counter(r["label"] for r in real)),
              "routerbench_heldout_n": len(rb), "routerbench_train_n": len(rb_train)}
    f32_preds, _ = torch_scores(real)
    _, f32_comp = torch_scores(rb)
    report["task_class_f32_torch"] = class_eval(real, f32_preds, classes)
    report["complexity_auc_f32_torch"] = auc_block(rb, f32_comp)

    if a.pred_real:
        pr = read_jsonl(a.pred_real)
        assert [p["text"] for p in pr] == [r["text"] for r in real], "predictions do not match heldout_real order"
        report["task_class_int8_onnx_ts"] = class_eval(real, [p["task_class"] for p in pr], classes)
        agree = sum(p["task_class"] == q for p, q in zip(pr, f32_preds)) / len(pr)
        report["int8_vs_f32_argmax_agreement"] = round(agree, 4)
        ms = sorted(p["ms"] for p in pr)
        report["node_cli_latency_ms"] = {"p50": ms[len(ms) // 2], "p99": ms[int(len(ms) * 0.99)]}
    if a.pred_rb:
        pb = read_jsonl(a.pred_rb)
        assert [p["text"] for p in pb] == [r["text"] for r in rb]
        report["complexity_auc_int8_onnx_ts"] = auc_block(rb, [p["complexity"] for p in pb])
        report["complexity_auc_int8_onnx_ts_note"] = "shipped pipeline output: head blended with class priors by src/classifier/complexity.ts"

    bow = BowLogistic().fit([r["text"] for r in rb_train], [r["complexity"] for r in rb_train])
    report["complexity_auc_bow_logistic_baseline"] = auc_block(rb, bow.predict([r["text"] for r in rb]).tolist())
    if a.pred_rb:
        bow_scores = bow.predict([r["text"] for r in rb]).tolist()
        shipped = [p["complexity"] for p in pb]
        report["complexity_auc_shipped_minus_bow_bootstrap"] = {"pooled": paired_auc_bootstrap(rb, shipped, bow_scores)}
        for g in sorted({r["group"] for r in rb}):
            sel = [i for i, r in enumerate(rb) if r["group"] == g]
            report["complexity_auc_shipped_minus_bow_bootstrap"][g] = paired_auc_bootstrap(
                [rb[i] for i in sel], [shipped[i] for i in sel], [bow_scores[i] for i in sel])
    report["complexity_base_rate_heldout"] = round(float(np.mean([r["complexity"] for r in rb])), 4)

    with open(a.out, "w") as f:
        json.dump(report, f, indent=1)
    key = "task_class_int8_onnx_ts" if a.pred_real else "task_class_f32_torch"
    print(f"{key}: macro-F1 {report[key]['all']['macro_f1']} acc {report[key]['all']['accuracy']}")
    for src, block in report[key].items():
        if src != "all":
            print(f"  {src}: macro-F1 {block['macro_f1']} acc {block['accuracy']} n={block['n']}")
    for c, v in report[key]["all"]["per_class"].items():
        print(f"  {c:17s} F1 {v['f1']:.3f} (n={v['support']})")
    print("complexity AUC f32:", report["complexity_auc_f32_torch"])
    if a.pred_rb:
        print("complexity AUC int8:", report["complexity_auc_int8_onnx_ts"])
    print("complexity AUC BoW baseline:", report["complexity_auc_bow_logistic_baseline"])
    if a.pred_rb:
        print("shipped minus BoW (paired bootstrap):", report["complexity_auc_shipped_minus_bow_bootstrap"])
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()

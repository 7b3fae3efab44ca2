"""Compares the blind audit labels of the weakest leave-one-source-out families with the source labels, and scores
the held-out predictions on the audited rows against both label sets.

    python3 training/labels/audit_compare.py [--pool training/.cache/pool.jsonl]
                                             [--pred training/.cache/loso-audit-pred.jsonl] [--json OUT]

--pred is the file written by `evaluate.py loso --save-predictions` (one model per held-out family, trained
without it). Agreement and Cohen's kappa are computed as in agreement.py; macro-F1 is evaluate.py's (over the
classes present in the label set being scored against).
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from audit_sample import FAMILIES, prompt_id  # noqa: E402
from evaluate import macro_f1  # noqa: E402


def kappa(a, b):
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = collections.Counter(a), collections.Counter(b)
    chance = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return observed, chance, (observed - chance) / (1 - chance) if chance < 1 else float("nan")


def scores(y_true, y_pred):
    mf1, _ = macro_f1(y_true, y_pred)
    return {"macro_f1": mf1, "accuracy": round(sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true), 3)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pool", default=os.path.join(HERE, "..", ".cache", "pool.jsonl"))
    ap.add_argument("--pred", default=os.path.join(HERE, "..", ".cache", "loso-audit-pred.jsonl"))
    ap.add_argument("--json", help="write the per-family figures here")
    a = ap.parse_args()
    with open(os.path.join(HERE, "audit_weak_families.jsonl")) as f:
        audit = [json.loads(line) for line in f]
    want = {r["id"] for r in audit}
    source = {}
    with open(a.pool, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["family"] in FAMILIES and prompt_id(r["text"]) in want:
                source[prompt_id(r["text"])] = r["label"]
    pred = {}
    if a.pred and os.path.exists(a.pred):
        with open(a.pred) as f:
            pred = {r["id"]: r["pred"] for r in map(json.loads, f) if r["id"] in want}
    out = {}
    for fam in FAMILIES:
        rows = [r for r in audit if r["family"] == fam]
        missing = [r["id"] for r in rows if r["id"] not in source]
        if missing:
            sys.exit(f"{fam}: {len(missing)} audited ids are not in the pool")
        src, aud = [source[r["id"]] for r in rows], [r["task_class"] for r in rows]
        obs, chance, k = kappa(src, aud)
        conf = collections.Counter(zip(src, aud))
        res = {"rows": len(rows), "agreement": round(obs, 3), "chance": round(chance, 3), "kappa": round(k, 3),
               "source_classes": dict(collections.Counter(src).most_common()),
               "audit_classes": dict(collections.Counter(aud).most_common()),
               "source_to_audit": {f"{s}->{t}": n for (s, t), n in conf.most_common()}}
        if all(r["id"] in pred for r in rows):
            p = [pred[r["id"]] for r in rows]
            res["loso_vs_source"], res["loso_vs_audit"] = scores(src, p), scores(aud, p)
            res["loso_predictions"] = dict(collections.Counter(p).most_common())
        out[fam] = res
        line = f"{fam:26s} n={len(rows)} agree={obs:.3f} chance={chance:.3f} kappa={k:.3f}"
        if "loso_vs_source" in res:
            s, t = res["loso_vs_source"], res["loso_vs_audit"]
            line += (f" | LOSO vs source F1={s['macro_f1']:.3f} acc={s['accuracy']:.3f}"
                     f" vs audit F1={t['macro_f1']:.3f} acc={t['accuracy']:.3f}")
        print(line)
        print("   source->audit: " + ", ".join(f"{k} {v}" for k, v in res["source_to_audit"].items()))
        if "loso_predictions" in res:
            print("   LOSO predictions: " + ", ".join(f"{k} {v}" for k, v in res["loso_predictions"].items()))
    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()

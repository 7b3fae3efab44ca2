"""Writes the trained model as one binary for the Worker: src/classifier/model/intent.bin.

Usage: /usr/bin/python3 training/export.py [--cache training/.cache] [--out src/classifier/model]
Layout: "CLS1", u32 header length, header JSON (UTF-8), zero padding to 4 bytes, then the tensors at the offsets
the header gives (little-endian; int8 tables carry one float32 scale per row). The pretrained vectors are folded
through the trained projection here (table = vectors · projᵀ), so the runtime looks rows up and never projects.
Also writes test/classifier/fixtures/parity.json: float-model outputs for the TypeScript parity test.
"""
import argparse
import json
import os
import struct

import numpy as np
import torch

import features as fx
from model import D, HIDDEN, QUERIES, IntentModel, collate
from train import CLASSES, load_lookup

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def quantize_rows(m):
    scale = np.abs(m).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(m / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(HERE, ".cache"))
    ap.add_argument("--out", default=os.path.join(ROOT, "src", "classifier", "model"))
    a = ap.parse_args()
    vectors, words, lookup, exact, stems = load_lookup(a.cache)
    saved = torch.load(os.path.join(a.cache, "model.pt"))
    model = IntentModel(vectors, len(CLASSES))
    model.load_state_dict(saved["state"])
    model.eval()
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    table = vectors @ sd["proj.weight"].T
    tensors = {}
    tensors["table_q"], tensors["table_scale"] = quantize_rows(table)
    tensors["sub_q"], tensors["sub_scale"] = quantize_rows(sd["sub.weight"][:fx.SUB_BUCKETS])
    tensors["pair_q"], tensors["pair_scale"] = quantize_rows(sd["pair.weight"])
    tensors["pos"] = sd["pos.weight"]
    tensors["queries"] = sd["queries"] / D ** 0.5
    for k in ("norm.weight", "norm.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"):
        tensors[k.replace(".", "_")] = sd[k]
    tensors["complexity_w"] = saved["complexity_w"]
    words_blob = "\n".join(words).encode("utf-8")

    header = {
        "format": 1, "classes": CLASSES, "vocab": len(words),
        "dims": {"d": D, "queries": QUERIES, "hidden": HIDDEN, "features": fx.N_FEATURES},
        "tokens": {"head": fx.HEAD_TOKENS, "tail": fx.TAIL_TOKENS, "headChars": fx.HEAD_CHARS,
                   "tailChars": fx.TAIL_CHARS, "featureChars": fx.FEATURE_CHARS, "maxWord": fx.MAX_WORD,
                   "maxGrams": fx.MAX_GRAMS, "minStem": fx.MIN_STEM, "subBuckets": fx.SUB_BUCKETS,
                   "pairBuckets": fx.PAIR_BUCKETS, "posBuckets": fx.POS_BUCKETS},
        "complexityBias": saved["complexity_b"],
        "lexicon": {"exact": sorted(exact.items()), "stems": sorted(stems.items())},
        "tensors": {},
    }
    blobs, offset = [], 0

    def add(name, arr_bytes, dtype, shape):
        nonlocal offset
        header["tensors"][name] = {"dtype": dtype, "shape": list(shape), "offset": offset}
        blobs.append(arr_bytes)
        offset += len(arr_bytes)
        pad = (-offset) % 4
        blobs.append(b"\0" * pad)
        offset += pad

    add("words", words_blob, "utf8", [len(words_blob)])
    for name, arr in tensors.items():
        dtype = "int8" if arr.dtype == np.int8 else "float32"
        add(name, np.ascontiguousarray(arr, dtype=np.int8 if dtype == "int8" else "<f4").tobytes(), dtype, arr.shape)
    hbytes = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    hbytes += b" " * ((-(8 + len(hbytes))) % 4)
    os.makedirs(a.out, exist_ok=True)
    path = os.path.join(a.out, "intent.bin")
    with open(path, "wb") as f:
        f.write(b"CLS1" + struct.pack("<I", len(hbytes)) + hbytes + b"".join(blobs))
    print(f"wrote {path}: {os.path.getsize(path)} bytes, vocab {len(words)}")
    write_reference(model, saved, lookup, os.path.join(ROOT, "test", "classifier", "fixtures", "parity.json"),
                    len(vectors))


def write_reference(model, saved, lookup, out_path, n_vectors):
    """Float-model outputs for the TypeScript parity test, on texts this repository owns: the hand-written
    training prompts (several languages) and a few built here to reach the code paths (long prompts, code,
    JSON, tools, empty input)."""
    own = [json.loads(l) for l in open(os.path.join(HERE, "corpus", "own_prompts.jsonl"), encoding="utf-8")]
    texts = [r["text"] for r in own[::4]]
    code = "def handler(event):\n    rows = db.query(\"SELECT id FROM t WHERE x = 1\")\n    return {\"ok\": True}\n"
    texts += ["", "?", "   ", code * 40, ("Summarize this report. " + "The quarterly figures rose again. " * 150),
              "Traceback (most recent call last):\n  File \"app.py\", line 3\nValueError: bad", "x" * 5000,
              '{"name": "get_weather", "parameters": {"type": "object"}} what is the weather in Oslo?']
    tools = [i % 5 == 0 for i in range(len(texts))]
    from model import encode_all
    enc = encode_all(texts, tools, lookup)
    with torch.no_grad():
        b = collate(enc, n_vectors)
        probs = model(b).softmax(-1).numpy()
        cx = model.pooled(b).numpy() @ saved["complexity_w"] + saved["complexity_b"]
    ref = [{"text": t, "hasTools": tl, "tokens": [tok for tok, _ in fx.tokenize(t)], "rows": e["rows"].tolist(),
            "features": [round(float(x), 6) for x in e["feats"]], "probs": [round(float(x), 6) for x in p],
            "complexityLogit": round(float(c), 5)}
           for t, tl, e, p, c in zip(texts, tools, enc, probs, cx)]
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(ref, f, ensure_ascii=False)


if __name__ == "__main__":
    main()

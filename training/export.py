"""Exports the trained encoder to ONNX (opset 17, one sequence of dynamic length) and rewrites it to int8.

Int8 by graph rewrite (no onnxruntime quantizer exists in Debian):
  * MatMul with a constant weight -> DynamicQuantizeLinear(activations) + MatMulInteger(uint8 x int8) + rescale,
    weights symmetric per output column (the "dynamic" form; dequantizing weights per call was slower than f32).
  * The token embedding table -> int8 rows with a per-row scale, gathered then rescaled.
Usage: /usr/bin/python3 training/export.py [--cache training/.cache] [--out src/classifier/model]
Also writes .cache/reference.json (token ids + f32 torch outputs) for the Node parity check.
"""
import argparse
import json
import os
import shutil

import numpy as np
import onnx
import sentencepiece as spm
import torch
from onnx import TensorProto, helper, numpy_helper

from common import SingleSequenceEncoder, encode, model_from_labels, read_jsonl


def export_f32(model, path):
    single = SingleSequenceEncoder(model).eval()
    ids = torch.randint(2, 100, (1, 16))
    with torch.no_grad():  # the export form must compute exactly what was trained
        a, b = model(ids, torch.ones_like(ids)), single(ids)
    assert max((a[0] - b[0]).abs().max().item(), (a[1] - b[1]).abs().max().item()) < 1e-4
    torch.onnx.export(single, (ids,), path, opset_version=17, input_names=["input_ids"],
                      output_names=["class_logits", "complexity_logit"], dynamic_axes={"input_ids": {1: "seq"}},
                      do_constant_folding=True)


def attr(node, name, default):
    for a in node.attribute:
        if a.name == name:
            return helper.get_attribute_value(a)
    return default


def quantizable_gemm(node, inits):
    # Encoder projections only: the tiny output heads stay f32 (no speed to gain, some accuracy to lose).
    w = inits[node.input[1]]
    return (len(w.dims) == 2 and min(w.dims) >= 64 and attr(node, "transA", 0) == 0
            and attr(node, "alpha", 1.0) == 1.0 and attr(node, "beta", 1.0) == 1.0)


def quantize(src, dst):
    m = onnx.load(src)
    g = m.graph
    inits = {i.name: i for i in g.initializer}
    new_nodes, drop_inits, add_inits = [], set(), []
    stats = {"matmul": 0, "gemm": 0, "gather": 0}
    for node in g.node:
        gemm = node.op_type == "Gemm" and node.input[1] in inits and quantizable_gemm(node, inits)
        if gemm or (node.op_type == "MatMul" and node.input[1] in inits and len(inits[node.input[1]].dims) == 2):
            w = numpy_helper.to_array(inits[node.input[1]]).astype(np.float32)  # [K, N]
            if gemm and attr(node, "transB", 0):
                w = w.T
            scale = np.abs(w).max(axis=0) / 127.0
            scale[scale == 0] = 1.0
            wq = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
            base = node.name or node.output[0]
            wq_name, ws_name = base + "_wq", base + "_wscale"
            add_inits += [numpy_helper.from_array(wq, wq_name), numpy_helper.from_array(scale.astype(np.float32), ws_name)]
            drop_inits.add(node.input[1])
            aq, as_, az = base + "_aq", base + "_ascale", base + "_azp"
            i32, f, sc = base + "_i32", base + "_f", base + "_scale"
            new_nodes += [
                helper.make_node("DynamicQuantizeLinear", [node.input[0]], [aq, as_, az], name=base + "_dql"),
                helper.make_node("MatMulInteger", [aq, wq_name, az], [i32], name=base + "_mmi"),
                helper.make_node("Cast", [i32], [f], to=TensorProto.FLOAT, name=base + "_cast"),
                helper.make_node("Mul", [as_, ws_name], [sc], name=base + "_sc"),
            ]
            if gemm and len(node.input) > 2:
                new_nodes += [helper.make_node("Mul", [f, sc], [base + "_mm"], name=base + "_rescale"),
                              helper.make_node("Add", [base + "_mm", node.input[2]], [node.output[0]], name=base + "_bias")]
            else:
                new_nodes.append(helper.make_node("Mul", [f, sc], [node.output[0]], name=base + "_rescale"))
            stats["gemm" if gemm else "matmul"] += 1
        elif node.op_type == "Gather" and node.input[0] in inits and len(inits[node.input[0]].dims) == 2 \
                and inits[node.input[0]].dims[0] > 1000 and inits[node.input[0]].dims[1] > 1:
            w = numpy_helper.to_array(inits[node.input[0]]).astype(np.float32)  # [V, d]
            scale = np.abs(w).max(axis=1, keepdims=True) / 127.0
            scale[scale == 0] = 1.0
            wq = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
            base = node.name or node.output[0]
            add_inits += [numpy_helper.from_array(wq, base + "_eq"),
                          numpy_helper.from_array(scale.astype(np.float32), base + "_escale")]
            drop_inits.add(node.input[0])
            new_nodes += [
                helper.make_node("Gather", [base + "_eq", node.input[1]], [base + "_g"], name=base + "_gq"),
                helper.make_node("Gather", [base + "_escale", node.input[1]], [base + "_gs"], name=base + "_gs"),
                helper.make_node("Cast", [base + "_g"], [base + "_gf"], to=TensorProto.FLOAT, name=base + "_gc"),
                helper.make_node("Mul", [base + "_gf", base + "_gs"], [node.output[0]], name=base + "_gm"),
            ]
            stats["gather"] += 1
        else:
            new_nodes.append(node)
    still_used = {i for n in new_nodes for i in n.input}
    kept = [i for i in g.initializer if i.name not in drop_inits or i.name in still_used]
    del g.node[:]
    g.node.extend(new_nodes)
    del g.initializer[:]
    g.initializer.extend(kept + add_inits)
    onnx.checker.check_model(m)
    onnx.save(m, dst)
    return stats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(os.path.dirname(__file__), ".cache"))
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "src", "classifier", "model"))
    a = ap.parse_args()
    labels = json.load(open(os.path.join(a.cache, "labels.json")))
    model = model_from_labels(labels)
    model.load_state_dict(torch.load(os.path.join(a.cache, "intent.pt")))
    model.eval()
    f32 = os.path.join(a.cache, "intent.f32.onnx")
    int8 = os.path.join(a.cache, "intent.int8.onnx")
    export_f32(model, f32)
    stats = quantize(f32, int8)
    print(f"quantized {stats}; f32 {os.path.getsize(f32) / 1e6:.2f} MB -> int8 {os.path.getsize(int8) / 1e6:.2f} MB")

    # Reference outputs for the Node-side parity check (tokenizer ids and model outputs).
    sp = spm.SentencePieceProcessor(model_file=os.path.join(a.cache, "spm.model"))
    rows = read_jsonl(os.path.join(a.cache, "heldout_real.jsonl"))[::7][:120]
    ref = []
    with torch.no_grad():
        for r in rows:
            ids = encode(sp, r["text"], labels["arch"])
            logits, c = model(torch.tensor([ids]), torch.ones(1, len(ids), dtype=torch.long))
            ref.append({"text": r["text"], "ids": ids, "class_logits": logits[0].tolist(),
                        "complexity_logit": float(c[0])})
    with open(os.path.join(a.cache, "reference.json"), "w") as f:
        json.dump(ref, f)

    os.makedirs(a.out, exist_ok=True)
    shutil.copy(int8, os.path.join(a.out, "intent.int8.onnx"))
    shutil.copy(os.path.join(a.cache, "intent.tokenizer.json"), os.path.join(a.out, "intent.tokenizer.json"))
    shutil.copy(os.path.join(a.cache, "labels.json"), os.path.join(a.out, "labels.json"))
    print(f"wrote model files to {a.out}")


if __name__ == "__main__":
    main()

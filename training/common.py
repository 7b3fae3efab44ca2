"""Shared pieces of the training pipeline: text normalisation, tokenisation with head+tail truncation, the model."""
import json
import re

import torch
import torch.nn as nn

MAX_TOKENS = 128
HEAD_TOKENS = 64  # long prompts keep their first 64 and last 64 tokens: instructions sit at either end
PAD_ID, UNK_ID = 0, 1


def normalize(text: str) -> str:
    # Mirrors the tokenizer.json normalizer after Precompiled: Lowercase, collapse runs of spaces, strip.
    return re.sub(r" {2,}", " ", text.lower()).strip()


def head_tail(ids, max_tokens=MAX_TOKENS, head=HEAD_TOKENS):
    if len(ids) <= max_tokens:
        return ids
    return ids[:head] + ids[len(ids) - (max_tokens - head):]


def read_jsonl(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


class IntentModel(nn.Module):
    def __init__(self, vocab_size, n_classes, d=128, heads=4, layers=2, ffn=512, max_len=MAX_TOKENS, dropout=0.1):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, d, padding_idx=PAD_ID)
        self.pos = nn.Embedding(max_len, d)
        layer = nn.TransformerEncoderLayer(d, heads, ffn, dropout=dropout, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers, enable_nested_tensor=False)
        self.norm = nn.LayerNorm(d)
        self.class_head = nn.Linear(d, n_classes)
        self.complexity_head = nn.Linear(d, 1)

    def forward(self, input_ids, attention_mask):
        # attention_mask: 1 for real tokens, 0 for padding (int64 in the exported graph)
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = self.embed(input_ids) + self.pos(positions)
        pad = attention_mask == 0
        x = self.encoder(x, src_key_padding_mask=pad)
        m = attention_mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * m).sum(1) / m.sum(1).clamp(min=1.0)
        pooled = self.norm(pooled)
        return self.class_head(pooled), self.complexity_head(pooled).squeeze(-1)

"""A small multinomial logistic regression over sparse named features,
written in numpy so that training is deterministic and the artefact is a
readable JSON file of weights."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS = ("significantly increased", "significantly decreased", "no significant difference")


@dataclass
class Model:
    """Feature name -> one weight per label, plus a bias per label."""

    vocab: dict[str, int]
    weights: np.ndarray  # (n_features, n_labels)
    bias: np.ndarray  # (n_labels,)

    def scores(self, feats: dict[str, float]) -> np.ndarray:
        """Probabilities of the labels for one example."""
        z = self.bias.copy()
        for k, v in feats.items():
            j = self.vocab.get(k)
            if j is not None:
                z += v * self.weights[j]
        z -= z.max()
        e = np.exp(z)
        return e / e.sum()

    def contributions(self, feats: dict[str, float], label: int) -> list[tuple[str, float]]:
        """Each known feature's push towards `label` against the other labels."""
        out = []
        for k, v in feats.items():
            j = self.vocab.get(k)
            if j is None:
                continue
            w = self.weights[j]
            push = v * (w[label] - (w.sum() - w[label]) / (len(w) - 1))
            out.append((k, float(push)))
        return sorted(out, key=lambda kv: -kv[1])

    def save(self, path: Path) -> None:
        names = sorted(self.vocab, key=self.vocab.get)
        data = {
            "labels": list(LABELS),
            "bias": [round(float(b), 4) for b in self.bias],
            "weights": {
                n: [round(float(x), 4) for x in self.weights[self.vocab[n]]] for n in names
            },
        }
        path.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Model:
        data = json.loads(path.read_text(encoding="utf-8"))
        names = sorted(data["weights"])
        vocab = {n: i for i, n in enumerate(names)}
        w = np.array([data["weights"][n] for n in names], dtype=float).reshape(len(names), -1)
        return cls(vocab, w, np.array(data["bias"], dtype=float))


def train(
    examples: list[dict[str, float]],
    labels: list[int],
    *,
    min_count: int = 2,
    l2: float = 1.0,
    epochs: int = 300,
    lr: float = 0.5,
    sample_weight: list[float] | None = None,
) -> Model:
    """Fit by full-batch gradient descent (Adam) from zero: deterministic."""
    counts: dict[str, int] = {}
    for f in examples:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= min_count or k.startswith("c:"))
    vocab = {n: i for i, n in enumerate(names)}
    rows, cols, vals = [], [], []
    for i, f in enumerate(examples):
        for k, v in f.items():
            j = vocab.get(k)
            if j is not None:
                rows.append(i)
                cols.append(j)
                vals.append(v)
    r = np.array(rows, dtype=np.int64)
    c = np.array(cols, dtype=np.int64)
    v = np.array(vals, dtype=float)
    n, d, k = len(examples), len(names), len(LABELS)
    y = np.zeros((n, k))
    y[np.arange(n), labels] = 1.0
    sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    sw = sw / sw.sum()
    # sums over the non-zeros grouped by row (logits) and by column (gradient)
    by_col = np.argsort(c, kind="stable")
    r_c, c_c, v_c = r[by_col], c[by_col], v[by_col]
    row_heads, col_heads = _heads(r), _heads(c_c)
    rows_present, cols_present = r[row_heads], c_c[col_heads]
    w = np.zeros((d, k))
    b = np.zeros(k)
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, epochs + 1):
        z = np.zeros((n, k))
        if len(v):
            z[rows_present] = np.add.reduceat(v[:, None] * w[c], row_heads, axis=0)
        z += b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        err = (p - y) * sw[:, None]
        gw = l2 * w / n
        if len(v):
            gw[cols_present] += np.add.reduceat(v_c[:, None] * err[r_c], col_heads, axis=0)
        gb = err.sum(axis=0)
        for g, m_, v_, param in ((gw, m_w, v_w, w), (gb, m_b, v_b, b)):
            m_ *= b1
            m_ += (1 - b1) * g
            v_ *= b2
            v_ += (1 - b2) * g * g
            param -= lr * 0.01 * (m_ / (1 - b1**t)) / (np.sqrt(v_ / (1 - b2**t)) + eps)
    return Model(vocab, w, b)


def _heads(sorted_keys: np.ndarray) -> np.ndarray:
    """Indices where a new key starts in a sorted array."""
    if not len(sorted_keys):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])

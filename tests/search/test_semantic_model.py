"""The numpy runtime of all-MiniLM-L6-v2 (search/semantic/model.py) against the model's own
reference, and reciprocal rank fusion on its own."""

import json
from pathlib import Path

import numpy as np
import pytest

from search.semantic import model
from search.semantic.fusion import rrf
from search.semantic.tokenizer import basic_tokens

REFERENCE = json.loads((Path(__file__).parent / "semantic_reference.json").read_text())


@pytest.fixture(scope="session")
def minilm():
    return model.load()


def test_vectors_match_sentence_transformers(minilm):
    """Same vectors as sentence-transformers on PyTorch (semantic_reference.json, made once
    with it), including accents, CJK, punctuation and a text cut at 256 word pieces."""
    ours = minilm.embed(REFERENCE["texts"])
    theirs = np.array(REFERENCE["vectors"], dtype=np.float32)
    assert ours.shape == theirs.shape == (len(REFERENCE["texts"]), 384)
    assert np.allclose((ours * theirs).sum(axis=1), 1.0, atol=1e-4)
    assert np.abs(ours - theirs).max() < 1e-4


def test_vectors_have_unit_length(minilm):
    vectors = minilm.embed(["phonics", "", "Year 6 SATs revision"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_meaning_is_closer_than_topic_change(minilm):
    query, catch_up, fire = minilm.embed(
        [
            "help for struggling readers",
            "Phonics catch-up intervention for pupils behind in reading",
            "Fire evacuation procedure for the school site",
        ]
    )
    assert query @ catch_up > query @ fire + 0.2


def test_basic_tokens_split_like_bert():
    assert basic_tokens("Catch-up, NAÏVE café!") == ["catch", "-", "up", ",", "naive", "cafe", "!"]


def test_tokenizer_ids_are_bert_ids(minilm):
    # [CLS] hello , naive world ! ks ##2 catch - up [SEP], as BERT's own tokenizer gives them.
    ids = minilm.tokenizer.encode("Hello, naïve world! KS2 catch-up", 256)
    assert ids == [101, 7592, 1010, 15743, 2088, 999, 29535, 2475, 4608, 1011, 2039, 102]


def test_tokenizer_cuts_long_texts(minilm):
    assert len(minilm.tokenizer.encode("word " * 1000, 256)) == 256


def test_rrf_sums_reciprocal_ranks():
    # a: 1/61; b: 1/62; c: 1/63 + 1/61; d: 1/62 (b before d: same best rank, earlier list).
    assert rrf(["a", "b", "c"], ["c", "d"]) == ["c", "a", "b", "d"]


def test_rrf_of_one_ranking_keeps_it():
    assert rrf(["x", "y", "z"], []) == ["x", "y", "z"]


def test_rrf_weights_scale_a_ranking():
    # x: 0.5/61 = 1/122; y: 1/61 -> the full-weight ranking's first wins.
    assert rrf(["x"], ["y"], weights=[0.5, 1.0]) == ["y", "x"]

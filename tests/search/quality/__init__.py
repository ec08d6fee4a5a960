"""A judged set independent of the demo trust (issue 13, item 5): a corpus of realistic trust
documents (`corpus.py`) and queries typed as staff type them (`queries.py`), judged before the
engine was tuned. `load.py` creates the corpus through the hub's own service; bench/quality.py
and tests/search/test_quality.py evaluate whichever engine the site is configured with."""

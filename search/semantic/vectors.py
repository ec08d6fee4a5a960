# ruff: noqa: S608 - SQL is assembled from fixed table names; every value is a parameter.
"""Vectors beside the index, and the visible objects nearest a query.

One row per indexed object (content type and id, as in `intranet_search_doc`): 384 float32
numbers, unit length, as bytes (a BLOB on SQLite, bytea on PostgreSQL). Neither database here
can rank them itself (Python's sqlite3 cannot load sqlite-vec; the PostgreSQL server has no
pgvector), so the ranking is numpy's: a dot product over the visible rows, ~1 ms at 10k.

The matrix of every vector is kept per process and reloaded when the table changes (its row
count, newest update or largest id move), so a search reads only the visible ids from the
database, never the vectors."""

import threading

try:
    import numpy as np
except ImportError:  # the site still runs, on the keyword engine (see enabled())
    np = None
from django.db import connection

from .models import DIMENSIONS, TABLE, DocVector


def to_bytes(vector):
    return np.asarray(vector, dtype="<f4").reshape(DIMENSIONS).tobytes()


class _Matrix:
    def __init__(self):
        self.version = None
        self.rows = {}
        self.matrix = None
        self.lock = threading.Lock()

    def current(self):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*), MAX(updated_at), MAX(id) FROM {TABLE}")
            version = (connection.alias, connection.settings_dict.get("NAME"), *cursor.fetchone())
        if version != self.version:
            with self.lock:
                keys, vectors = [], []
                for ct, oid, blob in DocVector.objects.values_list("ct", "oid", "vector"):
                    keys.append((ct, oid))
                    vectors.append(np.frombuffer(bytes(blob), dtype="<f4"))
                self.rows = {key: i for i, key in enumerate(keys)}
                self.matrix = (
                    np.vstack(vectors) if vectors else np.zeros((0, DIMENSIONS), np.float32)
                )
                self.version = version
        return self.rows, self.matrix


_cache = _Matrix()


def forget():
    """Drop the process's copy of the vectors (tests roll rows back under it)."""
    _cache.version = None


def nearest(scope, query_vector, limit, min_score):
    """[(entry id, content type id, object id)] of the `limit` visible entries nearest the
    query, best first, none below `min_score` (cosine). Only entries this user may see, with
    the filters asked for, are ever scored: the candidates are `scope.allowed_sql()`, the same
    restriction the keyword engine applies."""
    rows, matrix = _cache.current()
    if not rows:
        return []
    where, params = scope.allowed_sql()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT d.id, d.ct, d.oid FROM intranet_search_doc d WHERE {where}", params)
        visible = cursor.fetchall()
    entries, index = [], []
    for eid, ct, oid in visible:
        i = rows.get((int(ct), int(oid)))
        if i is not None:
            entries.append((int(eid), int(ct), int(oid)))
            index.append(i)
    if not entries:
        return []
    scores = matrix[np.asarray(index)] @ np.asarray(query_vector, dtype=np.float32)
    k = min(limit, len(entries))
    best = np.argpartition(-scores, k - 1)[:k]
    best = best[np.argsort(-scores[best], kind="stable")]
    return [entries[i] for i in best if scores[i] >= min_score]

# ruff: noqa: S608 - SQL is assembled from fixed table names; every value is a parameter.
"""Vectors beside the index, and the visible objects nearest a query.

One row per indexed object (content type and id, as in `intranet_search_doc`): 384 float32
numbers, unit length, as bytes (a BLOB on SQLite, bytea on PostgreSQL). Neither database here
can rank them itself (Python's sqlite3 cannot load sqlite-vec; the PostgreSQL server has no
pgvector), so the ranking is numpy's: one dot product with every vector (~1 ms at 20k), then
the database says which of the nearest the user may see.

The matrix of every vector is kept per process and reloaded when the table changes (its newest
update or largest id moves), so a search reads a few hundred ids from the
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
        self.data = ([], None)  # (keys, matrix), replaced as one: threads read it unlocked
        self.lock = threading.Lock()

    def current(self):
        with connection.cursor() as cursor:
            # Two index lookups (as two subqueries: SQLite reads the whole table for a SELECT
            # of two aggregates, 7 ms at 20k). A deleted row is not noticed until the next
            # write, which is harmless: its entry has left the index, so no search finds it.
            cursor.execute(
                f"SELECT (SELECT MAX(updated_at) FROM {TABLE}), (SELECT MAX(id) FROM {TABLE})"
            )
            version = (connection.alias, connection.settings_dict.get("NAME"), *cursor.fetchone())
        if version != self.version:
            with self.lock:
                keys, vectors = [], []
                for ct, oid, blob in DocVector.objects.values_list("ct", "oid", "vector"):
                    keys.append((int(ct), int(oid)))
                    vectors.append(np.frombuffer(bytes(blob), dtype="<f4"))
                matrix = np.vstack(vectors) if vectors else np.zeros((0, DIMENSIONS), np.float32)
                self.data = (keys, matrix)
                self.version = version
        return self.data


_cache = _Matrix()
BATCH = 400


def forget():
    """Drop the process's copy of the vectors (tests roll rows back under it)."""
    _cache.version = None


def nearest(scope, query_vector, limit, min_score):
    """[(entry id, content type id, object id)] of the `limit` visible entries nearest the
    query, best first, none below `min_score` (cosine). Only entries this user may see, with
    the filters asked for, are ever returned: each candidate must pass `scope.allowed_sql()`,
    the restriction the keyword engine matches in, before it can be ranked here or fused.

    The candidates are taken in order of similarity, BATCH at a time, and the database keeps
    the visible ones: reading every visible id instead cost 70 ms at 10k entries on SQLite and
    120 ms at 20k; this reads a few hundred, whatever the size. The answer is the same: the
    best `limit` of the visible entries."""
    keys, matrix = _cache.current()
    if not keys:
        return []
    scores = matrix @ np.asarray(query_vector, dtype=np.float32)
    above = np.flatnonzero(scores >= min_score)
    order = above[np.argsort(-scores[above], kind="stable")]
    where, params = scope.allowed_sql()
    out = []
    for start in range(0, len(order), BATCH):
        chunk = [keys[i] for i in order[start : start + BATCH]]
        oids = sorted({oid for _ct, oid in chunk})
        marks = ", ".join(["%s"] * len(oids))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT d.id, d.ct, d.oid FROM intranet_search_doc d "
                f"WHERE d.oid IN ({marks}) AND {where}",
                oids + list(params),
            )
            visible = {(int(ct), int(oid)): int(eid) for eid, ct, oid in cursor.fetchall()}
        for key in chunk:
            eid = visible.get(key)
            if eid is not None:
                out.append((eid, *key))
                if len(out) == limit:
                    return out
    return out

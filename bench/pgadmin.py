"""PostgreSQL housekeeping shared by the benchmarks: throwaway databases on PG_URL's server."""

import os

PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")


def pg_admin(sql, server=PG_URL):
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def pg_reachable():
    try:
        pg_admin("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - any failure means "skip PostgreSQL"
        return False

"""Gunicorn for the intranet (Procfile `web`, docs/deploy.md). Everything can be overridden
from the environment: PORT, WEB_CONCURRENCY, GUNICORN_THREADS, GUNICORN_TIMEOUT."""

import gc
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.production")

bind = f"{os.environ.get('BIND_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Four single-threaded processes a core: a page is CPU-bound Python, and threads in one process
# queue behind its GIL while another process sits idle (bench/load.py, 50 staff on 2 cores:
# 8 x 1 gave p95 170-200 ms, 6 x 2 250 ms, 4 x 4 210-470 ms). The search model is shared
# between them (below), so a process costs ~80 MB.
workers = int(os.environ.get("WEB_CONCURRENCY", str(4 * (os.cpu_count() or 1))))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread"
# Uploads are checked and stored in the request; extraction is the worker's (a 50 MB upload
# answers in seconds), so a request that takes longer than this is stuck.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# A process is replaced after this many requests (bounds any slow leak), staggered.
max_requests = 2000
max_requests_jitter = 200
# Load the app once before forking: less memory, and a broken setting fails at start.
preload_app = True
# The proxy in front sets X-Forwarded-*; trust it only from the local machine by default.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Access log to stdout, with the request id the app echoes (intranet/logs.py).
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms id=%({x-request-id}o)s'
errorlog = "-"


# The app is loaded once in the master (preload_app) and shared with the workers by fork. Its
# ~230k long-lived objects (Django, Wagtail, the URL and template tables) are moved out of the
# garbage collector's sight before the fork, as Python's gc docs advise: a full collection in
# a worker otherwise walks them all (~200 ms, a stall for every request in that process) and
# touches every page of memory the fork shared.
gc.disable()


def pre_fork(server, worker):
    _load_search_model()
    gc.freeze()


def _load_search_model():
    """The meaning-search model (~90 MB of weights) loaded once in the master, so that every
    worker shares its pages instead of loading a copy of its own on its first search."""
    from search import semantic  # the app is loaded by now (preload_app)

    if semantic.enabled():
        semantic.model.load()


def post_fork(server, worker):
    gc.enable()

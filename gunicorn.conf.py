"""Gunicorn for the intranet (Procfile `web`, docs/deploy.md). Everything can be overridden
from the environment: PORT, WEB_CONCURRENCY, GUNICORN_THREADS, GUNICORN_TIMEOUT."""

import gc
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "intranet.settings.production")

bind = f"{os.environ.get('BIND_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Two processes a core; threads carry the requests that wait on the database or S3.
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1))))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
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
    gc.freeze()


def post_fork(server, worker):
    gc.enable()

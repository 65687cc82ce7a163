"""Rate limits count across worker processes (real processes, real caches).

Four processes with production settings fire a burst of requests from one
address at a limit of 5. With a cache that every worker shares and that
increments atomically, exactly 5 get through, whichever worker they reach.
The local-memory cache is the control: it counts per process, which is what
the outside probe found (20 of 30 comments passed a limit of 5).

Redis runs when ``LAMSA_REDIS_URL`` is set (``make test-redis`` starts one from
Debian's packages); the database cache runs on SQLite everywhere and on
PostgreSQL when DATABASE_URL points there (``make test-postgres``).
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.shared_cache

PROJECT = Path(__file__).resolve().parents[2]
WORKERS = 4
ATTEMPTS = 8  # 32 requests in all
LIMIT = 5
# An hour's window: a burst of a second almost never straddles a window change.
RATE = f"{LIMIT}/h"


def _environment(tmp_path, cache_url: str, database_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "shared-counter-test",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": database_url,
        "CACHE_URL": cache_url,
        "CLIENT_IP_HEADER": "X-Forwarded-For",
        "TRUSTED_PROXIES": "1",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONPATH": str(PROJECT),
    }


def _burst(tmp_path, cache_url: str, database_url: str) -> list[int]:
    env = _environment(tmp_path, cache_url, database_url)
    if "dbcache" in cache_url:
        subprocess.run(
            [sys.executable, "manage.py", "createcachetable"], cwd=PROJECT, env=env, check=True
        )
    group = f"test:burst:{uuid.uuid4().hex}"
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.security.rate_limit_process", group, str(ATTEMPTS), RATE],
            cwd=PROJECT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(WORKERS)
    ]
    try:
        for worker in workers:
            assert worker.stdout.readline().strip() == "ready"
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        return [int(worker.stdout.readline()) for worker in workers]
    finally:
        for worker in workers:
            worker.stdin.close()
            worker.wait(timeout=60)


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def test_database_cache_counts_across_processes_on_sqlite(tmp_path):
    passed = _burst(tmp_path, "dbcache://lamsa_cache", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert sum(passed) == LIMIT, f"per worker: {passed}"


def test_database_cache_counts_across_processes_on_postgres(tmp_path):
    url = _postgres_url()
    if url is None:
        pytest.skip("needs PostgreSQL: make test-postgres")
    passed = _burst(tmp_path, "dbcache://lamsa_test_counters", url)
    assert sum(passed) == LIMIT, f"per worker: {passed}"


def test_redis_counts_across_processes(tmp_path):
    url = os.environ.get("LAMSA_REDIS_URL")
    if not url:
        pytest.skip("needs Redis: make test-redis")
    passed = _burst(tmp_path, url, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert sum(passed) == LIMIT, f"per worker: {passed}"


def test_a_per_process_cache_lets_each_worker_count_alone(tmp_path):
    """The control: what production got when CACHE_URL was unset before."""
    passed = _burst(tmp_path, "locmemcache://", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert sum(passed) == WORKERS * LIMIT, f"per worker: {passed}"


def test_production_defaults_to_the_shared_database_cache(monkeypatch):
    from config import env

    monkeypatch.delenv("CACHE_URL", raising=False)
    assert env.cache()["BACKEND"] == "security.cache.DatabaseCache"
    assert settings.RATELIMIT_IP_META_KEY == "security.client_ip.client_ip"

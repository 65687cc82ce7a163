"""One worker process in the shared-counter test (tests/security/test_shared_counters.py).

Started with production settings and the cache under test in its environment.
Prints "ready", waits for "go" on stdin so that every process starts the burst
at the same moment, then checks the rate limit once per simulated request and
prints how many requests got through.
"""

import sys


def main():
    import django

    django.setup()
    from django.test import RequestFactory
    from django_ratelimit.core import is_ratelimited

    group, attempts, rate = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    factory = RequestFactory()
    print("ready", flush=True)
    sys.stdin.readline()
    passed = 0
    for number in range(attempts):
        # Behind one trusted proxy: whatever the client writes into the header
        # itself must not give it a fresh counter.
        request = factory.post(
            "/kommentare/senden/",
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number % 250}, 203.0.113.7",
        )
        if not is_ratelimited(request, group=group, key="ip", rate=rate, increment=True):
            passed += 1
    print(passed, flush=True)


if __name__ == "__main__":
    main()

"""How staff passwords are stored: Argon2id with OWASP's recommended floor (19 MiB of memory,
2 passes, 1 lane; Password Storage Cheat Sheet), the first choice of that guide.

Django's default, PBKDF2 with 1,000,000 rounds, costs ~0.4 s of one core per sign-in here: on
a Monday at 8:30, 50 staff signing in at once kept both cores busy for ~20 s and every page
behind them waited. Argon2id at these settings is ~35 ms and memory-hard, so it is also the
stronger of the two against guessing on graphics cards. Hashes stored under another hasher
still verify and are re-hashed with this one at the person's next sign-in."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class StaffArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1

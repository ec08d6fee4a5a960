"""Files kept between tries of the share form.

When the form comes back with an error (a missing title, one bad file among several), the files
that passed the content check are stored under `resources/staging/` and listed in the session,
so nobody has to choose them again. The next post says which to keep; anything not kept, and
everything once the resources are created or the form is opened afresh, is deleted."""

import os
import uuid

from django.core.files.storage import default_storage

SESSION_KEY = "hub_staged_uploads"
# Files held back because the same file is already in the hub, awaiting "add as a new version".
DUPLICATES_KEY = "hub_duplicate_uploads"


class StagedUploads:
    """The staged files of one session: dicts with token, path, original name and kind."""

    def __init__(self, session, key=SESSION_KEY):
        self.session, self.key = session, key
        self.items = list(session.get(key, []))

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def _save(self):
        self.session[self.key] = self.items

    def keep_only(self, tokens):
        """Drop (and delete) every staged file whose token is not in `tokens`."""
        tokens = set(tokens)
        for item in self.items:
            if item["token"] not in tokens:
                default_storage.delete(item["path"])
        self.items = [item for item in self.items if item["token"] in tokens]
        self._save()

    def add(self, uploaded, kind, name=None, **extra):
        name = name or uploaded.name
        path = default_storage.save(
            f"resources/staging/{uuid.uuid4().hex}/{os.path.basename(name)}", uploaded
        )
        item = {"token": uuid.uuid4().hex, "path": path, "name": name, "kind": kind, **extra}
        self.items.append(item)
        self._save()
        return item

    def get(self, token):
        return next((item for item in self.items if item["token"] == token), None)

    def remove(self, token):
        self.keep_only([item["token"] for item in self.items if item["token"] != token])

    def files(self):
        """(open file, original name, kind) for each staged file."""
        return self.files_of(self.items)

    @staticmethod
    def files_of(items):
        return [
            (default_storage.open(item["path"], "rb"), item["name"], item["kind"]) for item in items
        ]

    def clear(self):
        self.keep_only(())

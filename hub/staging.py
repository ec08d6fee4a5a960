"""Files kept between tries of the share form.

When the form comes back with an error (a missing title, one bad file among several), the files
that passed the content check are stored under `resources/staging/` and listed in the session,
so nobody has to choose them again. The next post says which to keep; anything not kept, and
everything once the resources are created or the form is opened afresh, is deleted."""

import os
import uuid

from django.core.files.storage import default_storage

SESSION_KEY = "hub_staged_uploads"


class StagedUploads:
    """The staged files of one session: dicts with token, path, original name and kind."""

    def __init__(self, session):
        self.session = session
        self.items = list(session.get(SESSION_KEY, []))

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def _save(self):
        self.session[SESSION_KEY] = self.items

    def keep_only(self, tokens):
        """Drop (and delete) every staged file whose token is not in `tokens`."""
        tokens = set(tokens)
        for item in self.items:
            if item["token"] not in tokens:
                default_storage.delete(item["path"])
        self.items = [item for item in self.items if item["token"] in tokens]
        self._save()

    def add(self, uploaded, kind):
        path = default_storage.save(
            f"resources/staging/{uuid.uuid4().hex}/{os.path.basename(uploaded.name)}", uploaded
        )
        self.items.append(
            {"token": uuid.uuid4().hex, "path": path, "name": uploaded.name, "kind": kind}
        )
        self._save()

    def files(self):
        """(open file, original name, kind) for each staged file."""
        return [
            (default_storage.open(item["path"], "rb"), item["name"], item["kind"])
            for item in self.items
        ]

    def clear(self):
        self.keep_only(())

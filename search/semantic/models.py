"""The vector table (plain Django: importable without numpy or the model)."""

from django.db import models

DIMENSIONS = 384
TABLE = "intranet_search_vector"


class DocVector(models.Model):
    """One object's meaning: unit-length float32 vector of its text (bytes, little-endian)."""

    ct = models.IntegerField()
    oid = models.BigIntegerField()
    vector = models.BinaryField()
    # sha1 of the text embedded: an unchanged text is not embedded again.
    digest = models.CharField(max_length=40)
    # Indexed: its MAX tells a process that its copy of the vectors is stale (vectors.py).
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        app_label = "intranet_search"
        db_table = TABLE
        constraints = [models.UniqueConstraint(fields=["ct", "oid"], name="search_vector_object")]

    def __str__(self):
        return f"vector of {self.ct}:{self.oid}"

"""Text extraction for search and previews, run as a django-tasks task after each upload.

Every extractor is bounded (pages, seconds, characters, and decompressed size for zip-based
formats) and any failure only marks the resource "no preview": an upload never fails because
its text could not be read."""

import logging
import os
import shutil
import tempfile
import time
import zipfile

from django.conf import settings
from django_tasks import task
from wagtail.search.index import insert_or_update_object

from .accessibility import check_file, is_accessible
from .filetypes import check_zip_limits
from .similarity import fingerprint

logger = logging.getLogger(__name__)
ZIP_KINDS = {"docx", "pptx", "xlsx", "odt", "ods", "odp"}


class Budget:
    """Stops an extractor after a number of pages or seconds, whichever comes first."""

    def __init__(self):
        self.deadline = time.monotonic() + settings.HUB_EXTRACT_MAX_SECONDS
        self.max_pages = settings.HUB_EXTRACT_MAX_PAGES
        self.max_chars = settings.HUB_EXTRACT_MAX_CHARS
        self.chars = 0

    def spent(self, page_index=0):
        return (
            page_index >= self.max_pages
            or time.monotonic() > self.deadline
            or self.chars >= self.max_chars
        )

    def take(self, text):
        text = text or ""
        self.chars += len(text)
        return text


def extract_pdf(path, budget):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        page_count = len(pdf)
        parts = []
        for index in range(page_count):
            if budget.spent(index):
                break
            page = pdf[index]
            textpage = page.get_textpage()
            parts.append(budget.take(textpage.get_text_range()))
            textpage.close()
            page.close()
        return "\n".join(parts), page_count
    finally:
        pdf.close()


def extract_docx(path, budget):
    import docx2txt

    return budget.take(docx2txt.process(path)), None


def extract_pptx(path, budget):
    from pptx import Presentation

    presentation = Presentation(path)
    parts = []
    slides = list(presentation.slides)
    for index, slide in enumerate(slides):
        if budget.spent(index):
            break
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(budget.take(shape.text_frame.text))
    return "\n".join(parts), len(slides)


def extract_xlsx(path, budget):
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        parts = []
        for index, sheet in enumerate(workbook.worksheets):
            if budget.spent(index):
                break
            parts.append(budget.take(sheet.title))
            for row in sheet.iter_rows(values_only=True):
                if budget.spent(index):
                    break
                cells = [str(value) for value in row if value is not None]
                if cells:
                    parts.append(budget.take(" ".join(cells)))
        return "\n".join(parts), len(workbook.worksheets)
    finally:
        workbook.close()


def extract_odf(path, budget):
    from odf import teletype
    from odf import text as odftext
    from odf.opendocument import load

    document = load(path)
    parts = []
    for element in document.getElementsByType(odftext.P) + document.getElementsByType(odftext.H):
        if budget.spent():
            break
        parts.append(budget.take(teletype.extractText(element)))
    return "\n".join(parts), None


def extract_plain(path, budget):
    with open(path, "rb") as handle:
        raw = handle.read(budget.max_chars * 4)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return budget.take(text[: budget.max_chars]), None


EXTRACTORS = {
    "pdf": extract_pdf,
    "docx": extract_docx,
    "pptx": extract_pptx,
    "xlsx": extract_xlsx,
    "odt": extract_odf,
    "ods": extract_odf,
    "odp": extract_odf,
    "txt": extract_plain,
    "csv": extract_plain,
}


def extract_file(path, kind):
    """(text, page_count) for a local file; raises on any problem (callers decide what to do)."""
    extractor = EXTRACTORS.get(kind)
    if extractor is None:
        return "", None
    if kind in ZIP_KINDS:
        # The libraries below inflate members without limits of their own: check first.
        with zipfile.ZipFile(path) as archive:
            check_zip_limits(archive)
    budget = Budget()
    text, pages = extractor(path, budget)
    return (text or "")[: settings.HUB_EXTRACT_MAX_CHARS].replace("\x00", ""), pages


def document_checks(path, kind):
    """Accessibility findings to store with the extracted text; a checker that fails records
    nothing rather than failing the extraction."""
    try:
        findings = check_file(path, kind)
    except Exception:
        logger.warning("Could not check accessibility of %s", path, exc_info=True)
        findings = None
    return {"accessibility_findings": findings or [], "accessible": is_accessible(findings)}


def _local_copy(field_file):
    """A local temporary copy, because storages such as S3 have no path the libraries can open."""
    suffix = os.path.splitext(field_file.name)[1]
    handle = tempfile.NamedTemporaryFile(suffix=suffix, delete=False)  # noqa: SIM115
    with handle, field_file.storage.open(field_file.name, "rb") as source:
        shutil.copyfileobj(source, handle, 1024 * 1024)
    return handle.name


def extract_into(resource):
    """Fill extracted_text, page_count and preview_status of a resource from its current file."""
    from .models import Resource

    path, checks = None, {}
    try:
        path = _local_copy(resource.file)
        text, pages = extract_file(path, resource.file_type)  # checks zip limits first
        checks = document_checks(path, resource.file_type)
        status = (
            Resource.PREVIEW_READY
            if (text.strip() or resource.file_type in {"pdf", "png", "jpg"})
            else Resource.PREVIEW_NONE
        )
    except Exception:
        # Broken, hostile or unsupported content must never break an upload.
        logger.warning("Could not extract text from resource %s", resource.pk, exc_info=True)
        text, pages, status = "", None, Resource.PREVIEW_NONE
    finally:
        if path:
            os.unlink(path)
    checks["text_fingerprint"] = fingerprint(text)
    Resource.objects.filter(pk=resource.pk).update(
        extracted_text=text, page_count=pages, preview_status=status, **checks
    )
    resource.extracted_text, resource.page_count, resource.preview_status = text, pages, status
    for name, value in checks.items():
        setattr(resource, name, value)
    try:
        insert_or_update_object(resource)
    except Exception:
        logger.warning("Could not reindex resource %s", resource.pk, exc_info=True)
    return status


@task()
def extract_resource_text(resource_id):
    from .models import Resource

    resource = Resource.objects.filter(pk=resource_id).first()
    if resource is None:
        return None
    return extract_into(resource)

"""Text extraction for search and previews, run as a django-tasks task after each upload.

Every extractor is bounded (pages, seconds, characters, and decompressed size for zip-based
formats) and any failure only marks the resource "no preview": an upload never fails because
its text could not be read."""

import io
import logging
import math
import multiprocessing
import os
import resource as rlimits
import shutil
import tempfile
import time
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tasks import task
from wagtail.search.index import insert_or_update_object

from people.jobs import retrying, runs_inline

from .accessibility import check_file, is_accessible
from .filetypes import check_zip_limits
from .models import Resource
from .signals import resource_text_changed
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


def preview_name(resource):
    """Where the first-page PNG of a PDF is kept: beside the files, named by content hash so a
    new version gets a new preview."""
    return f"resources/previews/{resource.pk}-{resource.file_hash or 'x'}.png"


def preview_scale(width, height):
    """The render scale for a page of width x height points, or None for a page not worth a
    preview. A page is refused when its aspect ratio is absurd (a 240 x 200,000 pt strip);
    otherwise the scale aims at a 480-pixel-wide image and is capped so that the bitmap never
    exceeds HUB_PREVIEW_MAX_PIXELS, whatever size the PDF declares."""
    if width <= 0 or height <= 0:
        return None
    ratio = max(width / height, height / width)
    if ratio > settings.HUB_PREVIEW_MAX_ASPECT:
        return None
    scale = min(2.0, 480 / width)
    budget = settings.HUB_PREVIEW_MAX_PIXELS
    if (width * scale) * (height * scale) > budget:
        scale = math.sqrt(budget / (width * height))
    return scale


def render_pdf_preview(path):
    """PNG bytes of the first page, bounded in pixels (preview_scale), or None."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        if len(pdf) == 0:
            return None
        page = pdf[0]
        width, height = page.get_size()
        scale = preview_scale(width, height)
        if scale is None:
            return None
        image = page.render(scale=scale).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()
    finally:
        pdf.close()


def extract_and_render(path, kind):
    """(text, page_count, preview PNG or None, accessibility checks) for a local file. Raises on
    unreadable content."""
    text, pages = extract_file(path, kind)  # checks zip limits first
    png = None
    if kind == "pdf":
        try:
            png = render_pdf_preview(path)
        except Exception:
            logger.warning("Could not render a preview of %s", path, exc_info=True)
    return text, pages, png, document_checks(path, kind)


class ExtractionStopped(Exception):
    """The extraction ran past its hard time limit or its process died (memory limit)."""


def _child(sender, function, args):
    memory = settings.HUB_EXTRACT_MAX_MEMORY_MB
    if memory:
        try:
            # On top of what the forked process already maps: the libraries' own allocations.
            with open("/proc/self/statm") as statm:
                mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
            limit = mapped + memory * 1024 * 1024
            rlimits.setrlimit(rlimits.RLIMIT_AS, (limit, limit))
        except (OSError, ValueError):
            pass
    try:
        sender.send((True, function(*args)))
    except BaseException as exc:
        sender.send((False, f"{type(exc).__name__}: {exc}"))
    finally:
        sender.close()


def run_bounded(function, *args):
    """Run function(*args) in a forked process that is killed after HUB_EXTRACT_HARD_TIMEOUT
    seconds. The extractors' own budget (Budget) is checked between pages only: a page that
    makes a C library loop forever, or allocate without end, is stopped here. 0 runs inline."""
    timeout = settings.HUB_EXTRACT_HARD_TIMEOUT
    if not timeout:
        return function(*args)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, function, args), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ExtractionStopped(f"Stopped after the hard time limit of {timeout:g} s")
        ok, value = receiver.recv()
    except EOFError as exc:
        process.join(1)
        raise ExtractionStopped(
            f"The extraction process died (exit code {process.exitcode})"
        ) from exc
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()
    if not ok:
        raise ValueError(value)
    return value


def extract_into(resource):
    """Fill extracted_text, page_count and preview_status of a resource from its current file,
    and store the first-page preview of a PDF. A storage error propagates (the job is retried);
    unreadable content only means "no preview"; a stuck extraction is stopped, recorded as
    "no preview", and re-raised so the job list shows why."""
    path = _local_copy(resource.file)
    stopped = None
    png = None
    checks = {}
    try:
        text, pages, png, checks = run_bounded(extract_and_render, path, resource.file_type)
        status = (
            Resource.PREVIEW_READY
            if (text.strip() or resource.file_type in {"pdf", "png", "jpg"})
            else Resource.PREVIEW_NONE
        )
        if resource.file_type == "pdf" and png is None:
            status = Resource.PREVIEW_NONE  # the page shows the text excerpt instead
    except ExtractionStopped as exc:
        logger.warning("Extraction of resource %s stopped: %s", resource.pk, exc)
        text, pages, status, stopped = "", None, Resource.PREVIEW_NONE, exc
    except Exception:
        # Broken, hostile or unsupported content must never break an upload.
        logger.warning("Could not extract text from resource %s", resource.pk, exc_info=True)
        text, pages, status = "", None, Resource.PREVIEW_NONE
    finally:
        os.unlink(path)
    checks["text_fingerprint"] = fingerprint(text)
    if png is not None:
        name = preview_name(resource)
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(png))
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
    resource_text_changed.send(sender=Resource, resource=resource)
    if stopped is not None:
        raise stopped
    return status


def _extract(resource_id):
    resource = Resource.objects.filter(pk=resource_id).first()
    if resource is None:
        return None
    return extract_into(resource)


@task()
def extract_resource_text(resource_id, attempt=1):
    """Text, page count and preview of a resource, in the worker after its upload commits."""
    try:
        return retrying(
            extract_resource_text,
            _extract,
            resource_id,
            attempt=attempt,
            give_up_on=ExtractionStopped,
        )
    except Exception:
        if attempt >= settings.TASKS_MAX_ATTEMPTS or runs_inline(extract_resource_text):
            # No attempt left: the page stops saying "being extracted".
            Resource.objects.filter(pk=resource_id, preview_status=Resource.PREVIEW_PENDING).update(
                preview_status=Resource.PREVIEW_NONE
            )
        raise

"""What kind of file an upload really is, judged from its bytes rather than its name."""

import os
import zipfile

import puremagic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

# Members that identify each zip-based office format.
OOXML_MARKERS = {
    "word/document.xml": "docx",
    "ppt/presentation.xml": "pptx",
    "xl/workbook.xml": "xlsx",
}
ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
TEXT_TYPES = {"txt", "csv"}
EXTENSION_ALIASES = {"jpeg": "jpg"}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "txt": "text/plain",
    "csv": "text/csv",
    "rtf": "application/rtf",
    "png": "image/png",
    "jpg": "image/jpeg",
}


class ZipTooLarge(ValueError):
    pass


def check_zip_limits(archive):
    """Refuse archives that would inflate beyond the configured limits, before reading any
    member (the sizes in the central directory are what a decompressor will honour)."""
    infos = archive.infolist()
    if len(infos) > settings.HUB_ZIP_MAX_MEMBERS:
        raise ZipTooLarge("too many members")
    total = 0
    for info in infos:
        total += info.file_size
        if total > settings.HUB_ZIP_MAX_UNCOMPRESSED:
            raise ZipTooLarge("archive inflates beyond the size limit")
        ratio = info.file_size / info.compress_size if info.compress_size else 0
        # Small members (XML parts) legitimately compress very well; big ones should not.
        if ratio > settings.HUB_ZIP_MAX_RATIO and info.file_size > 1024 * 1024:
            raise ZipTooLarge("suspicious compression ratio")


def _zip_kind(fileobj):
    try:
        with zipfile.ZipFile(fileobj) as archive:
            check_zip_limits(archive)
            names = set(archive.namelist())
            for marker, kind in OOXML_MARKERS.items():
                if marker in names:
                    return kind
            if "mimetype" in names:
                return ODF_MIMETYPES.get(archive.read("mimetype").strip())
    except ZipTooLarge:
        raise
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return None
    return None


def _looks_like_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut off at the end of the sample is still text.
        if exc.start < len(head) - 4:
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


def sniff(fileobj):
    """Return the file kind ('pdf', 'docx', ...) from content, or None when not recognised."""
    fileobj.seek(0)
    head = fileobj.read(8192)
    fileobj.seek(0)
    if not head:
        return None
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            return _zip_kind(fileobj)
        finally:
            fileobj.seek(0)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    try:
        matches = puremagic.magic_string(head)
    except (puremagic.PureError, ValueError):
        matches = []
    extensions = {m.extension.lstrip(".").lower() for m in matches if m.confidence >= 0.4}
    for kind in ("png", "jpg"):
        if kind in extensions or (kind == "jpg" and "jpeg" in extensions):
            return kind
    if matches and matches[0].confidence >= 0.4 and not extensions & TEXT_TYPES:
        # Recognised as something else (an executable, an archive...): never call it text.
        return None
    if _looks_like_text(head):
        return "text"
    return None


def extension_of(name):
    ext = os.path.splitext(name or "")[1].lstrip(".").lower()
    return EXTENSION_ALIASES.get(ext, ext)


def validate_upload(uploaded):
    """Check an uploaded file's size and real type; return its kind or raise ValidationError
    with a message a teacher can act on."""
    name = getattr(uploaded, "name", "") or "file"
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    if uploaded.size is not None and limit and uploaded.size > limit:
        raise ValidationError(
            f"“{os.path.basename(name)}” is {filesizeformat(uploaded.size)}; the largest file "
            f"you can share is {filesizeformat(limit)}."
        )
    if not uploaded.size:
        raise ValidationError(f"“{os.path.basename(name)}” is empty.")
    allowed = settings.HUB_ALLOWED_TYPES
    ext = extension_of(name)
    try:
        kind = sniff(uploaded)
    except ZipTooLarge as exc:
        raise ValidationError(f"“{os.path.basename(name)}” could not be accepted: {exc}.") from exc
    if kind == "text" and ext in TEXT_TYPES:
        kind = ext
    readable = ", ".join(t.upper() for t in allowed)
    if kind is None or kind == "text" or kind not in allowed:
        raise ValidationError(
            f"“{os.path.basename(name)}” is not a file type the hub accepts (its content is not "
            f"one of {readable})."
        )
    if ext != kind:
        raise ValidationError(
            f"“{os.path.basename(name)}” is named .{ext or '(none)'} but its content is a "
            f"{kind.upper()} file. Rename it to .{kind} and try again."
        )
    return kind

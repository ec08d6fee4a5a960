"""Accessibility check of uploaded PDF, Word and PowerPoint files.

A pure module: `check_file(path, kind)` reads a local file and returns findings, each a dict
with a code, what is wrong and how to fix it. It is called where text is extracted (see
extraction.py) and stores nothing itself. Zip-based files have had their sizes checked before
this runs; XML is parsed with defusedxml so a hostile file cannot expand entities."""

import zipfile

from defusedxml import ElementTree

CHECKED_KINDS = {"pdf", "docx", "pptx"}
MAX_PAGES = 50  # bounds the per-page checks of a long PDF

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DC = "{http://purl.org/dc/elements/1.1/}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"

ADVICE = {
    "pdf-untagged": (
        "The PDF is not tagged, so screen readers cannot tell headings, lists and tables apart.",
        "Export again from Word or PowerPoint with “Document structure tags for accessibility” "
        "ticked (File › Save as › PDF › Options), rather than printing to PDF.",
    ),
    "no-title": (
        "The document has no title set in its properties.",
        "Set one in File › Info › Properties › Title; screen readers announce it first.",
    ),
    "no-language": (
        "The document's language is not set.",
        "Set it in Review › Language (Word, PowerPoint) so that text is read with the right "
        "voice; for a PDF, set it before exporting.",
    ),
    "scanned-pages": (
        "Some pages are images of text (scanned) with no text a screen reader can read.",
        "Share the original document, or run text recognition (OCR) on the scan first.",
    ),
    "images-without-alt": (
        "Some pictures have no alternative text.",
        "Right-click each picture › View Alt Text and describe it, or tick “Mark as "
        "decorative” if it adds nothing.",
    ),
    "no-headings": (
        "The document has no headings, so nobody can jump between its sections.",
        "Use the Heading 1, Heading 2… styles for section titles (Word), give every slide a "
        "title (PowerPoint), and keep tags when exporting a PDF.",
    ),
}


def finding(code, detail=""):
    problem, fix = ADVICE[code]
    return {"code": code, "problem": f"{problem} {detail}".strip(), "fix": fix}


def check_file(path, kind):
    """Findings for a local file of a checked kind; None for kinds not checked."""
    if kind == "pdf":
        return check_pdf(path)
    if kind == "docx":
        return check_docx(path)
    if kind == "pptx":
        return check_pptx(path)
    return None


def is_accessible(findings):
    return None if findings is None else not findings


# PDF -----------------------------------------------------------------------------------------


def _pdf_language(pdf):
    """The catalog's /Lang, through pdfium's API when the build has it."""
    import ctypes

    import pypdfium2.raw as raw

    get_language = getattr(raw, "FPDFCatalog_GetLanguage", None)
    if get_language is None:
        return None
    size = get_language(pdf, None, 0)
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    get_language(pdf, buffer, size)
    return bytes(buffer)[: size - 2].decode("utf-16-le", errors="replace").strip()


def _struct_types(element, depth=0):
    import ctypes

    import pypdfium2.raw as raw

    if depth > 20:
        return
    size = raw.FPDF_StructElement_GetType(element, None, 0)
    if size > 2:
        buffer = ctypes.create_string_buffer(size)
        raw.FPDF_StructElement_GetType(element, buffer, size)
        yield buffer.raw[: size - 2].decode("utf-16-le", errors="replace")
    for index in range(max(raw.FPDF_StructElement_CountChildren(element), 0)):
        child = raw.FPDF_StructElement_GetChildAtIndex(element, index)
        if child:
            yield from _struct_types(child, depth + 1)


def _page_has_heading(page):
    import pypdfium2.raw as raw

    tree = raw.FPDF_StructTree_GetForPage(page.raw)
    if not tree:
        return False
    try:
        for index in range(max(raw.FPDF_StructTree_CountChildren(tree), 0)):
            element = raw.FPDF_StructTree_GetChildAtIndex(tree, index)
            if element and any(
                t == "H" or (t[:1] == "H" and t[1:].isdigit()) for t in _struct_types(element)
            ):
                return True
        return False
    finally:
        raw.FPDF_StructTree_Close(tree)


def check_pdf(path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    findings = []
    pdf = pdfium.PdfDocument(path)
    try:
        tagged = bool(raw.FPDFCatalog_IsTagged(pdf.raw))
        if not tagged:
            findings.append(finding("pdf-untagged"))
        if not (pdf.get_metadata_dict().get("Title") or "").strip():
            findings.append(finding("no-title"))
        if not _pdf_language(pdf.raw):
            findings.append(finding("no-language"))
        scanned, headings = [], False
        for index in range(min(len(pdf), MAX_PAGES)):
            page = pdf[index]
            textpage = page.get_textpage()
            has_text = bool(textpage.get_text_range().strip())
            textpage.close()
            if not has_text and any(page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE])):
                scanned.append(index + 1)
            if tagged and not headings:
                headings = _page_has_heading(page)
            page.close()
        if scanned:
            findings.append(finding("scanned-pages", f"(page {_pages(scanned)})"))
        if tagged and not headings:
            findings.append(finding("no-headings"))
    finally:
        pdf.close()
    return findings


def _pages(numbers):
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + ("…" if len(numbers) > 10 else "")


# Word and PowerPoint -------------------------------------------------------------------------


def _xml(archive, name):
    try:
        return ElementTree.fromstring(archive.read(name))
    except KeyError:
        return None


def _core_title(archive):
    core = _xml(archive, "docProps/core.xml")
    node = core.find(f"{DC}title") if core is not None else None
    return (node.text or "").strip() if node is not None else ""


def _missing_alt(elements):
    """Pictures whose non-visual properties have neither a description nor a decorative mark."""
    missing = 0
    for props in elements:
        if props is None:
            continue
        decorative = any(child.tag.endswith("decorative") for child in props.iter())
        if not (props.get("descr") or "").strip() and not decorative:
            missing += 1
    return missing


def check_docx(path):
    findings = []
    with zipfile.ZipFile(path) as archive:
        document = _xml(archive, "word/document.xml")
        if not _core_title(archive):
            findings.append(finding("no-title"))
        languages = []
        for part in ("word/styles.xml", "word/settings.xml", "word/document.xml"):
            root = document if part == "word/document.xml" else _xml(archive, part)
            if root is not None:
                languages += [n.get(f"{W}val") for n in root.iter(f"{W}lang")]
                languages += [n.get(f"{W}val") for n in root.iter(f"{W}themeFontLang")]
        if not any(languages):
            findings.append(finding("no-language"))
        if document is not None:
            missing = _missing_alt(document.iter(f"{WP}docPr"))
            if missing:
                findings.append(finding("images-without-alt", f"({missing} without)"))
            styles = [n.get(f"{W}val") or "" for n in document.iter(f"{W}pStyle")]
            outline = list(document.iter(f"{W}outlineLvl"))
            if not outline and not any(s.lower().startswith(("heading", "title")) for s in styles):
                findings.append(finding("no-headings"))
    return findings


def check_pptx(path):
    findings = []
    with zipfile.ZipFile(path) as archive:
        if not _core_title(archive):
            findings.append(finding("no-title"))
        slides = sorted(
            n for n in archive.namelist() if n.startswith("ppt/slides/slide") and n.endswith(".xml")
        )
        languages, missing, untitled = [], 0, []
        presentation = _xml(archive, "ppt/presentation.xml")
        if presentation is not None:
            languages += [n.get("lang") for n in presentation.iter() if n.get("lang")]
        for number, name in enumerate(slides, start=1):
            slide = _xml(archive, name)
            if slide is None:
                continue
            languages += [n.get("lang") for n in slide.iter() if n.get("lang")]
            missing += _missing_alt(
                pic.find(f"{P}nvPicPr/{P}cNvPr") for pic in slide.iter(f"{P}pic")
            )
            titled = any(
                (ph.get("type") or "") in {"title", "ctrTitle"} for ph in slide.iter(f"{P}ph")
            )
            if not titled:
                untitled.append(number)
        if not any(languages):
            findings.append(finding("no-language"))
        if missing:
            findings.append(finding("images-without-alt", f"({missing} without)"))
        if untitled:
            findings.append(finding("no-headings", f"(slide {_pages(untitled)} has no title)"))
    return findings

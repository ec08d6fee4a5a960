"""PDF, Word and PowerPoint files made in code for the accessibility checker's tests, each with
or without one problem at a time (no fixture files)."""

import io
import zipfile
from xml.sax.saxutils import escape


def make_pdf(*, tagged=True, title="Fractions", lang="en-GB", heading=True, scanned=False):
    """A one-page PDF written by hand: text (or only a picture, when scanned), optionally with
    the structure tree, /Lang and /Title an accessible export has."""
    objects = {}
    catalog = "<< /Type /Catalog /Pages 2 0 R"
    if tagged:
        catalog += " /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R"
    if lang:
        catalog += f" /Lang ({lang})"
    objects[1] = catalog + " >>"
    objects[2] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    objects[3] = (
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 9 0 R >> >> /StructParents 0 >>"
    )
    tag = "H1" if heading else "P"
    if scanned:
        content = "q 400 0 0 400 100 300 cm /Im1 Do Q"
    else:
        content = f"/{tag} << /MCID 0 >> BDC BT /F1 18 Tf 56 780 Td (Fractions) Tj ET EMC"
    objects[4] = f"<< /Length {len(content)} >>\nstream\n{content}\nendstream"
    objects[5] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    objects[6] = "<< /Type /StructTreeRoot /K [7 0 R] /ParentTree 8 0 R >>"
    objects[7] = f"<< /Type /StructElem /S /{tag} /P 6 0 R /Pg 3 0 R /K 0 >>"
    objects[8] = "<< /Nums [0 [7 0 R]] >>"
    objects[9] = (
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        "/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"
    )
    objects[10] = f"<< /Title ({title}) >>" if title else "<< /Producer (tests) >>"
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n{objects[number]}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for number in sorted(objects):
        out.write(f"{offsets[number]:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 10 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)


def make_docx(*, title="Fractions", lang="en-GB", heading=True, image_alt="A bar model"):
    """A Word document; image_alt None means a picture without alternative text, False no
    picture at all."""
    paragraphs = []
    style = "Heading1" if heading else "Normal"
    paragraphs.append(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>Fractions</w:t></w:r></w:p>'
    )
    paragraphs.append("<w:p><w:r><w:t>Compare fractions with bar models.</w:t></w:r></w:p>")
    if image_alt is not False:
        descr = f' descr="{escape(image_alt)}"' if image_alt else ""
        paragraphs.append(
            '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="10" cy="10"/>'
            f'<wp:docPr id="1" name="Picture 1"{descr}/></wp:inline></w:drawing></w:r></w:p>'
        )
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>'
        + "".join(paragraphs)
        + "</w:body></w:document>"
    )
    lang_xml = (
        f'<w:rPrDefault><w:rPr><w:lang w:val="{lang}"/></w:rPr></w:rPrDefault>' if lang else ""
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W_NS}><w:docDefaults>{lang_xml}'
        "</w:docDefaults></w:styles>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.'
        'openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        + (f"<dc:title>{escape(title)}</dc:title>" if title else "")
        + "</cp:coreProperties>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", styles)
        archive.writestr("docProps/core.xml", core)
    return out.getvalue()


PNG_1PX = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def make_pptx(*, title="Fractions", lang="en-GB", slide_title=True, image_alt="A bar model"):
    from pptx import Presentation
    from pptx.util import Inches

    presentation = Presentation()
    layout = presentation.slide_layouts[1 if slide_title else 6]  # 6: blank, no title
    slide = presentation.slides.add_slide(layout)
    if slide_title:
        slide.shapes.title.text = "Fractions"
    box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(4), Inches(1))
    box.text_frame.text = "Compare fractions"
    if lang:
        for paragraph in box.text_frame.paragraphs:
            for run in paragraph.runs:
                run._r.get_or_add_rPr().set("lang", lang)
    if image_alt is not False:
        picture = slide.shapes.add_picture(io.BytesIO(PNG_1PX), Inches(1), Inches(4))
        picture._element.nvPicPr.cNvPr.set("descr", image_alt or "")
    presentation.core_properties.title = title or ""
    out = io.BytesIO()
    presentation.save(out)
    data = out.getvalue()
    if not lang:
        data = _strip_lang(data)
    return data


def _strip_lang(data):
    """python-pptx's template sets lang on its master and defaults; remove every one."""
    import re

    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.endswith(".xml"):
                content = re.sub(rb'\s(alt)?[lL]ang="[^"]*"', b"", content)
            target.writestr(item, content)
    return out.getvalue()

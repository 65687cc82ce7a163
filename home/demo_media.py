"""Images and PDF files for the demo content, generated locally (no downloads).

Both generators are deterministic: the same specification always gives the same
bytes, so reloading the demo does not produce different files.
"""

import io
import random
import textwrap

from PIL import Image, ImageDraw, ImageFont

SCENE_SIZE = (1600, 1000)
LOGO_SIZE = (800, 800)


def _font(size: int, bold: bool = True) -> ImageFont.ImageFont:
    # DejaVu ships with most Linux systems; Pillow's bundled font is the fallback.
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size=size)


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _diagonal_gradient(size, start, end) -> Image.Image:
    width, height = size
    side = int((width**2 + height**2) ** 0.5) + 2
    mask = Image.linear_gradient("L").resize((side, side)).rotate(45, expand=False)
    left, top = (side - width) // 2, (side - height) // 2
    mask = mask.crop((left, top, left + width, top + height))
    return Image.composite(
        Image.new("RGB", size, _hex(end)), Image.new("RGB", size, _hex(start)), mask
    )


def _wrap(draw, text, font, max_width) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= max_width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def make_image(key: str, label: str, sublabel: str, colours, logo: bool = False) -> bytes:
    """A gradient with a network of circles and a text label: JPEG (scene) or PNG (logo)."""
    size = LOGO_SIZE if logo else SCENE_SIZE
    width, height = size
    image = _diagonal_gradient(size, *colours).convert("RGBA")
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    rng = random.Random(key)  # noqa: S311 - decoration, not security

    # Nodes connected by lines: the network the association is named after.
    nodes = [(rng.randint(0, width), rng.randint(0, int(height * 0.7))) for _ in range(9)]
    for i, node in enumerate(nodes):
        for other in nodes[i + 1 : i + 3]:
            draw.line([node, other], fill=(255, 255, 255, 70), width=4)
    for x, y in nodes:
        radius = rng.randint(18, 70)
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius],
            fill=(255, 255, 255, rng.randint(40, 90)),
        )

    # A dark band under the text keeps the contrast high whatever the colours are.
    title_font = _font(150 if logo else 92)
    sub_font = _font(44 if logo else 40, bold=False)
    margin = 60
    title_lines = _wrap(draw, label, title_font, width - 2 * margin)
    sub_lines = _wrap(draw, sublabel, sub_font, width - 2 * margin) if sublabel else []
    title_h = title_font.size + 16
    sub_h = sub_font.size + 12
    band_h = len(title_lines) * title_h + len(sub_lines) * sub_h + 2 * margin
    draw.rectangle([0, height - band_h, width, height], fill=(0, 0, 0, 120))
    y = height - band_h + margin
    for line in title_lines:
        draw.text((margin, y), line, font=title_font, fill=(255, 255, 255, 255))
        y += title_h
    for line in sub_lines:
        draw.text((margin, y), line, font=sub_font, fill=(255, 255, 255, 235))
        y += sub_h

    image = Image.alpha_composite(image, overlay).convert("RGB")
    buffer = io.BytesIO()
    if logo:
        image.save(buffer, format="PNG", optimize=True)
    else:
        image.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


# --- PDF -------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
FOOTER = "LAMSA e.V. · Wilhelm-Külz-Straße 22 · 06108 Halle (Saale)"


def _pdf_text(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding (covers German umlauts and quotes)."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _layout(heading: str, subheading: str, paragraphs: list[str]):
    """Lines as (font, size, text) per page; Helvetica at 11 pt fits about 88 characters."""
    lines = [("F2", 20, heading), ("F1", 13, subheading), ("F1", 11, "")]
    for paragraph in paragraphs:
        lines += [("F1", 11, line) for line in textwrap.wrap(paragraph, 88)]
        lines.append(("F1", 11, ""))
    pages, page, y = [], [], PAGE_HEIGHT - MARGIN
    for font, size, text in lines:
        step = size * 1.45
        if y - step < MARGIN + 30:
            pages.append(page)
            page, y = [], PAGE_HEIGHT - MARGIN
        y -= step
        page.append((font, size, y, text))
    pages.append(page)
    return pages


def make_pdf(title: str, heading: str, subheading: str, paragraphs: list[str]) -> bytes:
    """A small, valid, text-based PDF (A4, Helvetica) with title metadata and language."""
    pages = _layout(heading, subheading, paragraphs)
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree exists
    page_tree = add(b"")
    helvetica = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    helvetica_bold = add(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    fonts = f"<< /F1 {helvetica} 0 R /F2 {helvetica_bold} 0 R >>".encode()
    page_ids = []
    for number, lines in enumerate(pages, start=1):
        stream = b"".join(
            b"BT /%s %d Tf 1 0 0 1 %d %.1f Tm %s Tj ET\n"
            % (font.encode(), size, MARGIN, y, _pdf_text(text))
            for font, size, y, text in lines
            if text
        )
        footer = f"{FOOTER} · Seite {number} von {len(pages)}"
        stream += b"BT /F1 8 Tf 1 0 0 1 %d %d Tm %s Tj ET\n" % (
            MARGIN,
            MARGIN - 20,
            _pdf_text(footer),
        )
        content = add(b"<< /Length %d >>\nstream\n%sendstream" % (len(stream), stream))
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
                b"/Resources << /Font %s >> /Contents %d 0 R >>"
                % (page_tree, PAGE_WIDTH, PAGE_HEIGHT, fonts, content)
            )
        )
    kids = b" ".join(b"%d 0 R" % pid for pid in page_ids)
    objects[page_tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R /Lang (de-DE) >>" % page_tree
    info = add(
        b"<< /Title %s /Author (LAMSA e.V.) /Creator (LAMSA load_demo) >>" % _pdf_text(title)
    )

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, catalog, info, xref)
    )
    return out.getvalue()

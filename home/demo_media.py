"""Images and PDF files for the demo content, generated locally (no downloads).

Both generators are deterministic: the same specification always gives the same
bytes, so reloading the demo does not produce different files.
"""

import datetime
import io
import random

from fpdf import FPDF
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

MARGIN = 56  # points, about 2 cm
FOOTER = "LAMSA e.V. · Wilhelm-Külz-Straße 22 · 06108 Halle (Saale)"
# A fixed date keeps the bytes (and fpdf2's file identifier) the same on every run.
CREATED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


class _DemoPDF(FPDF):
    def footer(self):
        self.set_y(-MARGIN + 10)
        self.set_font("Helvetica", size=8)
        self.cell(0, 10, f"{FOOTER} · Seite {self.page_no()} von {{nb}}")


def make_pdf(title: str, heading: str, subheading: str, paragraphs: list[str]) -> bytes:
    """A small, text-based PDF (A4, Helvetica) with title metadata and language.

    The PDF core fonts need no font file; with Windows-1252 they cover German
    umlauts, ß, „quotes“ and dashes (characters outside it raise an error).
    """
    pdf = _DemoPDF(unit="pt", format="A4")
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_margins(MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN + 20)
    pdf.set_title(title)
    pdf.set_author("LAMSA e.V.")
    pdf.set_creator("LAMSA load_demo")
    pdf.set_lang("de")
    pdf.set_creation_date(CREATED)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 26, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=13)
    pdf.multi_cell(0, 19, subheading, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 16, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(8)
    return bytes(pdf.output())

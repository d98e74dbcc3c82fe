"""Reading the fonts a PDF embeds, for the tests of every PDF the portal produces."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont
from pypdf import PdfReader


def embedded_fonts(pdf: bytes) -> dict[str, dict]:
    """Return each font of the PDF by base name, with its descriptor and the name table of its program."""
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            program = descriptor.get("/FontFile2")
            names = {}
            if program is not None:
                names = {r.nameID: r.toUnicode() for r in TTFont(io.BytesIO(program.get_object().get_data()))["name"].names}
            fonts[str(font["/BaseFont"])] = {"descriptor": descriptor, "names": names}
    return fonts

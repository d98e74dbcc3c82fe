"""Reading the fonts a PDF embeds, for the tests of every PDF the portal produces."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont
from pypdf import PdfReader

# The families of the fonts bundled in reports/fonts/ (name ID 1 of each font program): nothing else
# may draw a PDF of the portal.
BUNDLED_FAMILIES = frozenset({"Liberation Serif", "Noto Naskh Arabic", "Droid Sans Fallback", "Noto Emoji"})


def embedded_fonts(pdf: bytes) -> dict[str, dict]:
    """Return each font of the PDF by base name, with its descriptor and the name table of its program."""
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            program = descriptor.get("/FontFile2")
            names, characters = {}, set()
            if program is not None:
                parsed = TTFont(io.BytesIO(program.get_object().get_data()))
                names = {r.nameID: r.toUnicode() for r in parsed["name"].names}
                characters = {chr(code) for code in (parsed.getBestCmap() or {})}
            fonts[str(font["/BaseFont"])] = {"descriptor": descriptor, "names": names, "characters": characters}
    return fonts


def characters_by_family(pdf: bytes) -> dict[str, set[str]]:
    """Return the characters each font family of the PDF has glyphs for in its embedded subset.

    A subset holds the glyphs the PDF draws: a character missing from every family's subset is
    not drawn, even when a text extractor still finds it in the text layer.
    """
    families: dict[str, set[str]] = {}
    for base_name, font in embedded_fonts(pdf).items():
        assert "/FontFile2" in font["descriptor"], f"{base_name} is not embedded"
        families.setdefault(font["names"][1], set()).update(font["characters"])
    return families

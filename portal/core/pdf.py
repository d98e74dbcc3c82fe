"""The PDF engine: Jinja designs from reports/ rendered to PDF by WeasyPrint.

Designs are rendered from plain data with their own Jinja environment (autoescaped,
strict about undefined names). WeasyPrint fetches what a design links to through
:class:`ReportAssetFetcher`, which serves files under reports/ and refuses everything
else: no other file, no network, no data: URL. So neither a design nor any text
that ends up in one can make the engine read or fetch anything else.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
from flask_babel import get_translations

from portal.core.bidi import isolate_filter

REPORTS_DIR = Path(__file__).resolve().parents[2] / "reports"

# What the designs may link to, by file extension.
ASSET_TYPES = {
    ".css": "text/css",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}


class PdfError(RuntimeError):
    """A PDF could not be produced (for example a design linked to something it may not fetch)."""


class RefusedURL(ValueError):
    """The PDF engine was asked for something outside the project's report assets."""


@functools.cache
def report_environment() -> jinja2.Environment:
    """Return the Jinja environment of the report designs (interface texts through Flask-Babel)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(REPORTS_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["isolate"] = isolate_filter
    environment.install_gettext_callables(
        lambda message: get_translations().ugettext(message),
        lambda singular, plural, number: get_translations().ungettext(singular, plural, number),
        newstyle=True,
    )
    return environment


def render_design(name: str, **context: Any) -> str:
    """Render the design ``name`` (a path under reports/) to an HTML string."""
    return report_environment().get_template(name).render(**context)


_DIGESTS: dict[tuple[str, ...], tuple[tuple, str]] = {}


def design_digest(*patterns: str) -> str:
    """Return the sha256 of the files under reports/ matching ``patterns`` and of the WeasyPrint version.

    Part of the key of every cached PDF, so that a changed design, font or engine never serves an
    old one. The files are read again only when one of them changed (its size or time).
    """
    files = sorted({path for pattern in patterns for path in REPORTS_DIR.glob(pattern) if path.is_file()})
    stamp = tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files)
    known = _DIGESTS.get(patterns)
    if known is None or known[0] != stamp:
        digest = hashlib.sha256(importlib.metadata.version("weasyprint").encode())
        for path in files:
            digest.update(str(path.relative_to(REPORTS_DIR)).encode() + b"\0" + path.read_bytes())
        known = _DIGESTS[patterns] = (stamp, digest.hexdigest())
    return known[1]


def asset_url(path: Path) -> str:
    """Return the URL under which the design file ``path`` is referred to (its base URL)."""
    return path.resolve().as_uri()


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ReportAssetFetcher(URLFetcher):
        """Serve the files under reports/ that a design links to, and refuse every other URL."""

        def __init__(self, root: Path = REPORTS_DIR):
            # fail_on_errors: a refused or missing asset stops the rendering instead of being skipped.
            super().__init__(allowed_protocols=("file",), allow_redirects=False, fail_on_errors=True)
            self.root = root.resolve()

        def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
            path = self.resolve(url)
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": ASSET_TYPES[path.suffix.lower()]})

        def resolve(self, url: str) -> Path:
            """Return the file of reports/ that ``url`` names, or raise RefusedURL."""
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                raise RefusedURL(f"the PDF engine fetches only the project's report assets, not {url[:200]}")
            path = Path(unquote(parts.path)).resolve()
            if not path.is_relative_to(self.root):
                raise RefusedURL(f"the PDF engine fetches only files under {self.root}, not {path}")
            if path.suffix.lower() not in ASSET_TYPES:
                raise RefusedURL(f"the PDF engine does not fetch files of type {path.suffix or '(none)'}: {path.name}")
            if not path.is_file():
                raise RefusedURL(f"no such report asset: {path.relative_to(self.root)}")
            return path

    return ReportAssetFetcher


def report_asset_fetcher(root: Path = REPORTS_DIR):
    """Return a WeasyPrint URL fetcher that serves only the files under ``root``."""
    return _fetcher_class()(root)


def html_to_pdf(html: str, *, base: Path) -> bytes:
    """Render ``html`` to PDF; relative links resolve against the folder ``base`` (under reports/)."""
    return write_pdf(layout_html(html, base=base))


def layout_html(html: str, *, base: Path, stylesheet: Any = None):
    """Lay out ``html`` into pages (a WeasyPrint document, whose pages know their anchors), fetching only report assets.

    ``stylesheet`` is an optional :class:`ParsedStylesheet` applied as well (parsed once, reused).
    """
    # WeasyPrint takes a second to import: load it when a PDF is made, not when the portal starts.
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    try:
        document = HTML(string=html, base_url=asset_url(base) + "/", url_fetcher=report_asset_fetcher())
        if stylesheet is None:
            return document.render()
        return document.render(stylesheets=[stylesheet.css], font_config=stylesheet.font_config)
    except FatalURLFetchingError as error:
        raise PdfError(f"{error} ({error.__cause__})") from error.__cause__


class ParsedStylesheet:
    """A design's stylesheet parsed once, with its fonts loaded once, for laying out many documents.

    Parsing the CSS and loading the bundled fonts (several megabytes) for every document costs
    more than laying out a short one; a worker that lays out many parts keeps one of these.
    """

    def __init__(self, path: Path):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.font_config = FontConfiguration()
        self.css = CSS(filename=str(path), url_fetcher=report_asset_fetcher(), font_config=self.font_config)


def write_pdf(document) -> bytes:
    """Return the PDF bytes of a document laid out by :func:`layout_html`."""
    from weasyprint.urls import FatalURLFetchingError

    try:
        return document.write_pdf()
    except FatalURLFetchingError as error:
        raise PdfError(f"{error} ({error.__cause__})") from error.__cause__

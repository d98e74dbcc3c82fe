"""The PDF of a compiled report or of the compilation of all replies: parts rendered in parallel, then assembled.

A :class:`~portal.reports.document.Document` is cut into rendering units (a part, with the parts
after it that do not start a new page). Each unit becomes one HTML document of the design
``reports/compiled/report.html`` and is laid out by WeasyPrint on its own, without page furniture:
in a pool of worker processes (they get HTML strings and return PDF bytes and the page on which
each anchor fell; they need neither the app nor the database), or in this process when there is
only one to render. A unit's PDF is cached under the sha256 of its HTML and of the design files,
so a rebuild after one State changed an answer renders that State's part only.

Assembly (pikepdf) concatenates the units' pages, then stamps the furniture on every page in one
cheap pass: the running header with the document symbol (pages 2 onwards, at the outer side),
the page number, and on page 1 the job line. The furniture is laid out once by WeasyPrint (a page
per piece, see ``reports/compiled/furniture.html``) and drawn on each page as form XObjects, the
page number digit by digit. Numbering (paragraphs, footnotes) is the document's own
(``number_document``), so it runs through the whole document whatever the cut. The table of
contents is in the first unit: it is laid out once with blank page numbers, and again with the
numbers once the other units' page counts are known.

The same document gives the same bytes: no time or random identifier goes into the PDF.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import dataclasses
import hashlib
import io
import json
import multiprocessing
import multiprocessing.util
import os
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from babel.dates import format_date

from portal.core.pdf import REPORTS_DIR, ParsedStylesheet, design_digest, layout_html, render_design, write_pdf
from portal.reports.document import Block, Document

DESIGN = "compiled/report.html"
FURNITURE_DESIGN = "compiled/furniture.html"
DESIGN_DIR = REPORTS_DIR / "compiled"
UN_DATE = "d MMMM y"  # 4 February 2011

# Where furniture.css draws the pieces, and where the engine moves the digits to (PDF points).
PAGE_WIDTH = 595.2756  # A4
TEXT_LEFT = 2.4 / 2.54 * 72  # the text's left edge, 2.4 cm
TEXT_RIGHT = PAGE_WIDTH - TEXT_LEFT
NUMBER_SIZE = 9  # the page number, bold 9 pt
DIGIT_ADVANCE = 0.5 * NUMBER_SIZE  # every digit of Liberation Serif (Bold) is 0.5 em wide
FURNITURE_PAGES = {"odd": 0, "even": 1, "digits": 2, "job": 12}

# Files whose change changes every rendering (the cache key covers them).
DESIGN_FILES = ("compiled/*.html", "compiled/*.css", "common/*", "fonts/*.css", "fonts/*.ttf")

Progress = Callable[[int, int], None]


@dataclasses.dataclass
class RenderedPdf:
    """The PDF of a document, with what its rendering cost and where its headings fell."""

    pdf: bytes
    pages: int
    parts_rendered: int
    parts_cached: int
    anchors: dict[str, int] = dataclasses.field(default_factory=dict)  # anchor -> page number (from 1)


@dataclasses.dataclass
class UnitPdf:
    """A rendering unit laid out alone: its PDF, page count and {anchor: page index from 0}."""

    pdf: bytes
    pages: int
    anchors: dict[str, int]


@dataclasses.dataclass
class Unit:
    """Parts rendered together: the first starts a new page, the others follow on."""

    keys: list[str]
    blocks: list[Block]
    is_first: bool


# --- the document as HTML ------------------------------------------------------------------------


def rendering_units(document: Document) -> list[Unit]:
    """Cut the document where a part starts a new page (the first part always does)."""
    units: list[Unit] = []
    for index, part in enumerate(document.parts):
        if index == 0 or part.new_page:
            units.append(Unit([part.key], list(part.blocks), is_first=index == 0))
        else:
            units[-1].keys.append(part.key)
            units[-1].blocks.extend(part.blocks)
    return units


def _chart(data: dict[str, Any] | None) -> dict[str, Any] | None:
    """Return a table's chart as bars whose lengths (per mille of the longest) are computed from numbers only."""
    chart = (data or {}).get("chart")
    if not chart:
        return None
    values = []
    for value in chart.get("values") or []:
        try:
            values.append(max(float(value), 0.0))
        except (TypeError, ValueError):
            values.append(0.0)
    top = max(values, default=0.0) or 1.0
    bars = [
        {"label": str(label), "value": _number(raw), "permille": int(round(1000 * value / top))}
        for label, raw, value in zip(chart.get("labels") or [], chart.get("values") or [], values)
    ]
    return {"title": chart.get("title") or "", "unit": chart.get("unit") or "", "bars": bars}


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _groups(blocks: list[Block]) -> list[dict[str, Any]]:
    """Return the blocks as the design lays them out: consecutive summary blocks share one box."""
    groups: list[dict[str, Any]] = []
    for block in blocks:
        if block.kind == "summary":
            if groups and groups[-1]["kind"] == "summary":
                groups[-1]["blocks"].append(block)
            else:
                groups.append({"kind": "summary", "blocks": [block]})
        else:
            chart = _chart(block.data) if block.kind == "table" else None
            groups.append({"kind": "block", "block": block, "chart": chart})
    return groups


def _document_context(document: Document) -> dict[str, Any]:
    settings = document.settings
    language = settings.language or "en"
    agenda_footnote = f"{settings.agenda_symbol.rstrip('.')}." if settings.agenda_symbol else ""
    return {
        "kind": document.kind,
        "language": language,
        "direction": "rtl" if language in ("ar", "fa", "he", "ur") else "ltr",
        "title": settings.title or document.title,
        "settings": settings,
        "symbol": settings.symbol,
        "date": format_date(settings.date, UN_DATE, locale=language) if settings.date else "",
        "agenda_footnote": agenda_footnote,
        "standalone": False,  # report.css is applied by render_unit, parsed once per process
    }


def contents_entries(document: Document, pages: dict[str, int] | None) -> list[dict[str, Any]]:
    """Return the table of contents: the headings with their page numbers (blank while unknown)."""
    entries = []
    for block in document.headings():
        level = "section" if block.kind == "section" else "chapter"
        page = (pages or {}).get(block.anchor or "")
        entries.append({"level": level, "label": block.label or "", "title": _plain(block), "page": page or ""})
    return entries


def _plain(block: Block) -> str:
    """A heading's text without its footnotes."""
    if block.segments:
        return "".join(segment.text for segment in block.segments if segment.footnote is None).strip()
    return block.text.strip()


def unit_html(document: Document, unit: Unit, context: dict[str, Any], contents: list[dict[str, Any]] | None) -> str:
    """Render one unit of the document to HTML (what a worker lays out)."""
    lead: list[dict[str, Any]] = []
    groups = _groups(unit.blocks)
    if contents is not None:
        # The contents follow the summary, as in the Secretary-General's reports.
        while groups and groups[0]["kind"] == "summary":
            lead.append(groups.pop(0))
    return render_design(DESIGN, doc=context, unit={"is_first": unit.is_first, "lead": lead, "groups": groups,
                                                    "contents": contents})


def _translated(language: str):
    """Return a context manager putting the design's interface texts in ``language`` when an app is there."""
    from contextlib import nullcontext

    from flask import has_app_context
    from flask_babel import force_locale

    return force_locale(language) if has_app_context() else nullcontext()


# --- laying out units ----------------------------------------------------------------------------


_STYLESHEETS: dict[str, ParsedStylesheet] = {}


def _stylesheet(fingerprint: str) -> ParsedStylesheet:
    """Return report.css parsed, with its fonts loaded, once per process and design version."""
    if fingerprint not in _STYLESHEETS:
        if not _STYLESHEETS:
            # Dropped before the interpreter tears down, so that WeasyPrint removes the folder where
            # it put the fonts: at exit in this process, by multiprocessing's finalizers in a worker.
            atexit.register(_STYLESHEETS.clear)
            multiprocessing.util.Finalize(None, _STYLESHEETS.clear, exitpriority=10)
        _STYLESHEETS.clear()
        _STYLESHEETS[fingerprint] = ParsedStylesheet(DESIGN_DIR / "report.css")
    return _STYLESHEETS[fingerprint]


def render_unit(html: str, fingerprint: str) -> UnitPdf:
    """Lay out one unit's HTML and return its PDF and where its anchors fell (runs in a worker process)."""
    laid_out = layout_html(html, base=DESIGN_DIR, stylesheet=_stylesheet(fingerprint))
    anchors: dict[str, int] = {}
    for index, page in enumerate(laid_out.pages):
        for anchor in page.anchors:
            anchors.setdefault(anchor, index)
    return UnitPdf(write_pdf(laid_out), len(laid_out.pages), anchors)


_POOL: concurrent.futures.ProcessPoolExecutor | None = None
_POOL_WORKERS = 0
_POOL_LOCK = threading.Lock()


def _pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    """Return the process pool of ``workers`` workers, started once and kept for the next documents."""
    global _POOL, _POOL_WORKERS
    with _POOL_LOCK:
        if _POOL is None or _POOL_WORKERS != workers:
            if _POOL is not None:
                _POOL.shutdown(wait=False, cancel_futures=True)
            # "spawn": the caller may be a thread of a web server or a worker, which must not be forked.
            _POOL = concurrent.futures.ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=500,
                initializer=_follow_parent, initargs=(os.getpid(),),
            )
            _POOL_WORKERS = workers
            atexit.register(shutdown_pool)
        return _POOL


def _follow_parent(parent: int) -> None:
    """End this worker when the process that started it has gone (runs in each worker as it starts).

    A parent that exits normally stops its workers (``shutdown_pool`` at exit), but one that is
    killed (a web server's worker timed out, say) cannot: its workers would wait for work forever.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="follow-parent", daemon=True).start()


def shutdown_pool() -> None:
    """Stop the worker processes (they are started again when needed)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is not None:
            _POOL.shutdown(wait=True)
            _POOL = None


class PartCache:
    """Unit PDFs on disk under the sha256 of their HTML and of the design files; ``folder`` None caches nothing."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder is not None else None
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)

    def get(self, key: str) -> UnitPdf | None:
        if self.folder is None:
            return None
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text())
            pdf = (self.folder / f"{key}.pdf").read_bytes()
        except (OSError, ValueError):
            return None
        if hashlib.sha256(pdf).hexdigest() != meta.get("sha256"):
            return None  # a half-written or damaged entry: render again
        return UnitPdf(pdf, meta["pages"], meta["anchors"])

    def put(self, key: str, unit: UnitPdf) -> None:
        if self.folder is None:
            return
        meta = {"pages": unit.pages, "anchors": unit.anchors, "sha256": hashlib.sha256(unit.pdf).hexdigest()}
        for name, data in ((f"{key}.pdf", unit.pdf), (f"{key}.json", json.dumps(meta).encode())):
            # Written aside and renamed, so that a reader in another process never sees half a file.
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".part-")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, self.folder / name)


def design_fingerprint() -> str:
    """Return the digest of the design files and the WeasyPrint version: part of every cache key."""
    return design_digest(*DESIGN_FILES)


def _cache_key(html: str, fingerprint: str) -> str:
    return hashlib.sha256(fingerprint.encode() + b"\0" + html.encode()).hexdigest()


def _default_cache_dir() -> Path | None:
    from flask import current_app, has_app_context

    if not has_app_context():
        return None
    return Path(current_app.config["CACHE_DIR"]) / "report-parts"


class _Renderer:
    """Lays out HTML units, from the cache or in parallel, counting and reporting progress.

    Units are handed over one by one as their HTML is written (:meth:`start`), so that the workers
    start on the first while this process writes the others; :meth:`finish` waits for them all.
    """

    def __init__(self, cache: PartCache, workers: int, progress: Progress | None):
        self.cache = cache
        self.workers = workers
        self.progress = progress
        self.fingerprint = design_fingerprint()
        self.rendered = self.cached = 0
        self.pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._reset(0, 0, 0)

    def _reset(self, count: int, total: int, done: int) -> None:
        self.results: list[UnitPdf | None] = [None] * count
        self.keys: dict[int, str] = {}
        self.waiting: dict[int, str] = {}  # not in the cache, not handed to the pool yet: {index: HTML}
        self.futures: dict[concurrent.futures.Future, int] = {}
        self.total, self.done = total, done

    def start(self, htmls: Iterable[tuple[int, str]], count: int, total: int, done: int = 0) -> None:
        """Take ``count`` units as (index, HTML), biggest first: each from the cache, or handed to the pool at once.

        One unit missing from the cache is laid out in this process (starting workers would cost
        more); from the second on, they go to the pool as they come.
        """
        self._reset(count, total, done)
        for index, html in htmls:
            key = self.keys[index] = _cache_key(html, self.fingerprint)
            cached = self.cache.get(key)
            if cached is not None:
                self.results[index] = cached
                self.cached += 1
                self.done += 1
                continue
            self.waiting[index] = html
            if self.workers > 1 and len(self.waiting) + len(self.futures) > 1:
                self.pool = self.pool or _pool(self.workers)
                for waiting, waiting_html in self.waiting.items():
                    self.futures[self.pool.submit(render_unit, waiting_html, self.fingerprint)] = waiting
                self.waiting.clear()
        self._report()

    def finish(self) -> list[UnitPdf]:
        """Wait for the units handed over by :meth:`start` and return them all, in order."""
        for index, html in self.waiting.items():
            self._store(index, render_unit(html, self.fingerprint))
        self.waiting.clear()
        for future in concurrent.futures.as_completed(self.futures):
            self._store(self.futures[future], future.result())
        return self.results  # type: ignore[return-value]

    def lay_out(self, htmls: list[str], total: int, done: int = 0) -> list[UnitPdf]:
        """Lay out the units ``htmls``, longest first; return them in order."""
        order = sorted(range(len(htmls)), key=lambda index: len(htmls[index]), reverse=True)
        self.start(((index, htmls[index]) for index in order), len(htmls), total, done)
        return self.finish()

    def _store(self, index: int, unit: UnitPdf) -> None:
        self.rendered += 1
        self.cache.put(self.keys[index], unit)
        self.results[index] = unit
        self.done += 1
        self._report()

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def _text_size(unit: Unit) -> int:
    """Return how much text ``unit`` prints: the order in which to start laying units out, biggest first."""
    return sum(len(block.text) + sum(len(str(value)) for value in (block.data or {}).values()) for block in unit.blocks)


def render_document(document: Document, *, progress: Progress | None = None, workers: int | None = None,
                    cache_dir: Path | None = None) -> RenderedPdf:
    """Render ``document`` (numbered by ``number_document``) to PDF; ``progress(done, total)`` is called as parts finish.

    ``workers`` defaults to the number of cores; ``cache_dir`` to the app's CACHE_DIR/report-parts
    (no cache outside an app context).
    """
    workers = workers or os.cpu_count() or 1
    cache = PartCache(cache_dir if cache_dir is not None else _default_cache_dir())
    units = rendering_units(document)
    context = _document_context(document)
    with_contents = bool(document.settings.table_of_contents)
    with _translated(context["language"]):
        def htmls() -> Iterator[tuple[int, str]]:
            # Biggest first, so that no big unit starts last and leaves the other cores idle.
            for index in sorted(range(len(units)), key=lambda index: _text_size(units[index]), reverse=True):
                unit = units[index]
                contents = contents_entries(document, None) if with_contents and unit.is_first else None
                yield index, unit_html(document, unit, context, contents)

        total = len(units) + (1 if with_contents else 0)
        renderer = _Renderer(cache, workers, progress)
        renderer.start(htmls(), len(units), total)
        furniture_html = render_design(FURNITURE_DESIGN, symbol=context["symbol"] or context["title"],
                                       job_number=document.settings.job_number)
        furniture_key = _cache_key(furniture_html, renderer.fingerprint)
        furniture_job = None
        if renderer.pool is not None and furniture_key not in _FURNITURE_CACHE:
            furniture_job = renderer.pool.submit(render_furniture, furniture_html)  # in a worker, which has WeasyPrint loaded
        laid_out = renderer.finish()
        if with_contents:
            # The contents' page numbers are known once every unit is laid out; they have the same
            # width as the blanks (digits are all 0.5 em), so the first unit keeps its page count.
            for _attempt in range(3):
                pages = _anchor_pages(laid_out)
                html = unit_html(document, units[0], context, contents_entries(document, pages))
                first = renderer.lay_out([html], total, done=len(units))[0]
                settled = first.pages == laid_out[0].pages
                laid_out[0] = first
                if settled:
                    break
    furniture = _furniture(furniture_html, furniture_key, furniture_job)
    pdf, page_count = assemble(document, laid_out, context, furniture)
    return RenderedPdf(pdf=pdf, pages=page_count, parts_rendered=renderer.rendered, parts_cached=renderer.cached,
                       anchors=_anchor_pages(laid_out))


def _anchor_pages(laid_out: list[UnitPdf]) -> dict[str, int]:
    """Return {anchor: page number from 1} over the assembled document."""
    pages: dict[str, int] = {}
    offset = 0
    for unit in laid_out:
        for anchor, index in unit.anchors.items():
            pages.setdefault(anchor, offset + index + 1)
        offset += unit.pages
    return pages


# --- assembly --------------------------------------------------------------------------------------

_FURNITURE_CACHE: dict[str, bytes] = {}


def render_furniture(html: str) -> bytes:
    """Lay out the furniture pieces (one page each, see furniture.html) and return their PDF (runs in a worker too)."""
    return write_pdf(layout_html(html, base=DESIGN_DIR))


def _furniture(html: str, key: str, job: concurrent.futures.Future | None) -> bytes:
    """Return the furniture's PDF: from the worker laying it out (``job``), from memory, or laid out here."""
    if job is not None or key not in _FURNITURE_CACHE:
        pdf = job.result() if job is not None else render_furniture(html)
        if len(_FURNITURE_CACHE) > 32:
            _FURNITURE_CACHE.clear()
        _FURNITURE_CACHE[key] = pdf
    return _FURNITURE_CACHE[key]


def assemble(document: Document, laid_out: list[UnitPdf], context: dict[str, Any], furniture_pdf: bytes) -> tuple[bytes, int]:
    """Concatenate the units' pages, stamp the furniture (``furniture_pdf``, a piece a page) and the outline.

    Return the PDF bytes and the page count.
    """
    import pikepdf
    from pikepdf import Array, Name, String

    # qpdf copies the parts' objects (it does not parse WeasyPrint's object streams in Python) and
    # reads their stream data when it writes, so the parts stay open until then.
    parts = [pikepdf.open(io.BytesIO(unit.pdf)) for unit in laid_out]
    furniture = pikepdf.open(io.BytesIO(furniture_pdf))
    output = pikepdf.new()
    try:
        for part in parts:
            output.pages.extend(part.pages)
        forms = [_form_xobject(output, page) for page in furniture.pages]
        names = {index: Name(f"/RptFurniture{index}") for index in range(len(forms))}
        opening = output.make_indirect(_stream(output, b"q\n"))
        for number, page in enumerate(output.pages, start=1):
            drawn: list[tuple[int, float]] = []  # (furniture piece, horizontal shift)
            if number == 1:
                if document.settings.job_number:
                    drawn.append((FURNITURE_PAGES["job"], 0.0))
            else:
                odd = number % 2 == 1
                drawn.append((FURNITURE_PAGES["odd" if odd else "even"], 0.0))
                digits = str(number)
                start = TEXT_RIGHT - len(digits) * DIGIT_ADVANCE if odd else TEXT_LEFT
                for position, digit in enumerate(digits):
                    shift = start - TEXT_LEFT + position * DIGIT_ADVANCE
                    drawn.append((FURNITURE_PAGES["digits"] + int(digit), shift))
            if not drawn:
                continue
            resources = page.obj.Resources
            if Name.XObject not in resources:
                resources[Name.XObject] = _dictionary()
            xobjects = resources[Name.XObject]
            commands = [b"Q"]
            for piece, shift in drawn:
                xobjects[names[piece]] = forms[piece]
                commands.append(f"q 1 0 0 1 {shift:.3f} 0 cm {names[piece]} Do Q".encode())
            contents = page.obj.Contents
            original = list(contents) if isinstance(contents, Array) else [contents]
            # The page's own drawing is wrapped in q ... Q, so that whatever state it leaves does not move the furniture.
            closing = output.make_indirect(_stream(output, b"\n".join(commands) + b"\n"))
            page.obj.Contents = Array([opening, *original, closing])

        _outline(output, document, _anchor_pages(laid_out))
        title = context["title"] or document.title
        output.docinfo = output.make_indirect(
            _dictionary(Title=String(title), Producer=String("pikepdf"), Creator=String("portal compiled reports"))
        )
        if context["language"]:
            output.Root.Lang = String(context["language"])
        # The parts' PDF version (a new Pdf says 1.3), and a fixed /ID made from the content (no time,
        # no file name), so that the same document gives the same bytes.
        version = max((pdf.pdf_version for pdf in [*parts, furniture]), key=lambda text: tuple(map(int, text.split("."))))
        buffer = io.BytesIO()
        output.save(buffer, min_version=version, deterministic_id=True)
        return buffer.getvalue(), len(output.pages)
    finally:
        for pdf in [output, furniture, *parts]:
            pdf.close()


def _stream(pdf, data: bytes):
    import pikepdf

    return pikepdf.Stream(pdf, data)


def _dictionary(**entries):
    import pikepdf

    return pikepdf.Dictionary(**entries)


def _form_xobject(pdf, page):
    """Return a form XObject in ``pdf`` that draws ``page`` (a furniture piece, of another PDF) as it stands."""
    return pdf.copy_foreign(page.as_form_xobject())


def _outline(pdf, document: Document, pages: dict[str, int]) -> None:
    """Add PDF bookmarks: chapters, annexes and States, with sections under their chapter."""
    from pikepdf import OutlineItem

    with pdf.open_outline() as outline:
        parent = None
        for block in document.headings():
            page = pages.get(block.anchor or "")
            if page is None:
                continue
            title = " ".join(filter(None, [block.label, _plain(block)]))[:200]
            item = OutlineItem(title, page - 1)
            if block.kind == "section" and parent is not None:
                parent.children.append(item)
            else:
                outline.root.append(item)
                if block.kind != "section":
                    parent = item

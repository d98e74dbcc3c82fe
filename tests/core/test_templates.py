"""Templates never rebind the gettext function ``_``: a page that did would fail at its next translated text."""

from __future__ import annotations

from jinja2 import nodes

from portal.core.pdf import report_environment
from tests.conftest import project_root


def names_bound(environment, path) -> set[str]:
    """Return the names a template assigns, loops over or takes as macro arguments."""
    tree = environment.parse(path.read_text(encoding="utf-8"))
    return {name.name for name in tree.find_all(nodes.Name) if name.ctx in ("store", "param")}


def test_no_page_or_document_template_shadows_the_gettext_function(app):
    templates = [(app.jinja_env, path) for path in (project_root() / "templates").rglob("*.html")]
    templates += [(report_environment(), path) for path in (project_root() / "reports").rglob("*.html")]
    assert len(templates) > 40
    shadowing = [str(path.relative_to(project_root())) for environment, path in templates
                 if "_" in names_bound(environment, path)]
    assert shadowing == []

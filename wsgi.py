"""Entry point for gunicorn (``gunicorn wsgi:app``) and the command line (``flask --app wsgi``)."""

from portal import create_app
from portal.config import ConfigurationError

try:
    app = create_app()
except ConfigurationError as error:
    # What to set, said once, without a traceback that would bury it.
    raise SystemExit(f"The portal cannot start: {error}") from None

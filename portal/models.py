"""Import every model so that the metadata (and Alembic's autogenerate) sees all tables."""

from portal.accounts.models import AccountToken, ThrottleEvent, User, UserSession  # noqa: F401
from portal.api.models import ApiToken  # noqa: F401
from portal.checklists.models import ChecklistItem, ChecklistTemplate, ChecklistTheme  # noqa: F401
from portal.mail.models import OutboxMessage  # noqa: F401
from portal.states.models import MemberState, StateName  # noqa: F401
from portal.cycles.models import CycleInvitation, ReportingCycle  # noqa: F401
from portal.submissions.models import (  # noqa: F401
    Answer,
    AnswerRevision,
    ReviewComment,
    Submission,
    SubmissionEvent,
    ThemeAssignment,
)
from portal.reports.models import (  # noqa: F401
    Report,
    ReportBlock,
    ReportBlockSource,
    ReportEdition,
    ReportJob,
)

from tests.exports.conftest import answered_cycle  # noqa: F401  (the same answered cycle)

"""transcheck: check machine translations against their sources.

Library use::

    import transcheck
    tables = transcheck.check(["corpora/news-zh-en"])
    tables.findings          # a pandas DataFrame, one row per problem
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import check

__all__ = ["__version__", "check"]

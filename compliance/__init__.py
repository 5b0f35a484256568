"""listguard's library: check product listings against marketplace and IP rules.

The library knows nothing of the command line; ``cli.py`` parses options, calls
:func:`compliance.check.check_catalog` and renders a report with a formatter from
:mod:`compliance.formats`.
"""

__version__ = "0.1.0"

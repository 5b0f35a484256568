"""The embedded store: one SQLite database for the seller's lists, the official trademark
register and the history of every run. See :mod:`compliance.store.db` for where it lives and
how it is upgraded, and :mod:`compliance.store.schema` for its tables."""

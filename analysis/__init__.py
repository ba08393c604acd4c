"""Offline news analysis for notebooks: who is quoted, which claims are made, how readable it is.

Quick start::

    import analysis
    tables = analysis.analyze("data/raw")      # Tables of pandas DataFrames
    tables.articles, tables.quotes, tables.claims, tables.readability
"""

from .pipeline import analyze, iter_results
from .tables import Tables, read_tables
from .view import browse, show

__all__ = ["analyze", "iter_results", "Tables", "read_tables", "show", "browse"]

"""The documented schema (docs/tables.md) is the one the code writes."""

from analysis.schema import TABLES, markdown

from conftest import REPO


def test_docs_tables_md_is_current():
    assert (REPO / "docs" / "tables.md").read_text(encoding="utf-8").strip() == markdown().strip()


def test_every_contract_column_has_a_meaning():
    for table, cols in TABLES.items():
        assert all(meaning.strip() for meaning in cols.values()), table

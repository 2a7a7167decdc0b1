"""The knowledge as flat tables for researchers: one table per kind of record or link, codes instead of
database ids, and a data dictionary of every column. The CSV export writes them into a zip."""

import csv
import io
import json
import zipfile
from dataclasses import dataclass

from django.db import models
from django.utils import timezone, translation

from .changes import published_in, version_timeline, with_updated_version
from .kinds import KINDS, KnowledgeKind, kind_of
from .translation import mirrors_of
from .versioning import knowledge_version

TYPES = {
    models.BooleanField: "boolean",
    models.IntegerField: "integer",
    models.PositiveIntegerField: "integer",
    models.PositiveSmallIntegerField: "integer",
    models.PositiveBigIntegerField: "integer",
    models.FloatField: "number",
    models.JSONField: "json",
}


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, the ORM path of its values, its type and what it means."""

    name: str
    path: str
    type: str
    meaning: str
    field: str = ""  # the model field it comes from


# Curators' own notes stay in the admin and the history: never in a public export.
INTERNAL_FIELDS = frozenset({"curation_note"})


def columns_of(kind: KnowledgeKind) -> list[Column]:
    """A kind's columns: each field, with a reference written as the natural key of the record it names."""
    columns = []
    mirrors = mirrors_of(kind.model)  # the English once, in the original field's column
    for field in kind.model._meta.concrete_fields:
        if field.primary_key or field.name in INTERNAL_FIELDS or field.name in mirrors:
            continue
        meaning = str(field.help_text).strip() or f"The {kind.model._meta.verbose_name}'s {field.verbose_name}."
        if language := getattr(field, "language", None):  # a translation's column, such as name_tr
            english = getattr(field, "translated_field", field)  # modeltranslation's column keeps its original
            meaning = f"{english.help_text or english.verbose_name} In language {language}."
        if field.related_model is not None:
            target = kind_of(field.related_model)
            target_name = target.table if target else str(field.related_model._meta.verbose_name_plural)
            parts = target.identity if target else ("code",)
            for part in parts:
                name = field.name if len(parts) == 1 else f"{field.name}_{part}"
                path = f"{field.name}__{part}__code" if part != "code" else f"{field.name}__code"
                columns.append(Column(name, path, "code", f"{meaning} (a code in {target_name}.csv)", field.name))
            continue
        kind_name = next((name for cls, name in TYPES.items() if isinstance(field, cls)), "text")
        if field.choices:
            meaning = f"{meaning} One of: {', '.join(str(value) for value, _ in field.choices)}."
            kind_name = "code"
        columns.append(Column(field.name, field.name, kind_name, meaning, field.name))
    if any(f.name == "sources" for f in kind.model._meta.many_to_many):
        columns.append(Column("sources", "", "codes", "The sources cited, as codes in sources.csv, space-separated."))
    columns.append(
        Column(
            "updated_version",
            "updated_version",
            "text",
            "The knowledge version in which the record, or a link its API entry lists, last changed.",
        )
    )
    return columns


def cell(value, column: Column) -> str:
    if value is None:
        return ""
    if column.type == "json":
        return json.dumps(value, ensure_ascii=False)
    if column.type == "boolean":
        return "true" if value else "false"
    return str(value)


def table_rows(kind: KnowledgeKind) -> list[list[str]]:
    """A kind's rows, in the order of its natural key, one query (and one more for cited sources)."""
    columns = columns_of(kind)
    paths = [column.path for column in columns if column.path and column.name != "updated_version"]
    order = [column.path for name in kind.identity for column in columns if column.field == name]
    queryset = with_updated_version(kind.model._default_manager.all())
    rows = list(queryset.order_by(*(order or ["pk"]), "pk").values("pk", *paths, "changed_at"))
    timeline = version_timeline()
    cited: dict[int, list[str]] = {}
    if any(column.name == "sources" for column in columns):
        through = kind.model.sources.through  # type: ignore[attr-defined]  # the cited kinds have `sources`
        owner = kind.model._meta.model_name
        for pk, code in through.objects.order_by("source__code").values_list(f"{owner}_id", "source__code"):
            cited.setdefault(pk, []).append(code)
    return [
        [
            " ".join(cited.get(row["pk"], []))
            if column.name == "sources"
            else cell(published_in(row["changed_at"], timeline), column)
            if column.name == "updated_version"
            else cell(row[column.path], column)
            for column in columns
        ]
        for row in rows
    ]


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def data_dictionary() -> list[list[str]]:
    return [[kind.table, c.name, c.type, c.meaning] for kind in KINDS for c in columns_of(kind)]


def knowledge_zip() -> bytes:
    """The zip of the CSV tables, the data dictionary and the version they hold (read in one consistent state).

    The same in every language: each text in English in its own column and in each translation's (name_tr).
    """
    with translation.override("en"):
        return tables_zip()


def tables_zip() -> bytes:
    version, generated = knowledge_version(), timezone.now()
    stamp = generated.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:

        def add(name: str, text: str) -> None:
            # A ZipInfo is stored uncompressed unless told otherwise; the zip is built once per version, so at
            # the smallest size.
            info = zipfile.ZipInfo(name, date_time=stamp)
            archive.writestr(info, text, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)

        add("about.csv", csv_text(["field", "value"], [
            ["knowledge_version", version],
            ["generated_at", generated.isoformat()],
            ["tables", str(len(KINDS))],
            ["how_to_load", "pandas.read_csv('<table>.csv'); data_dictionary.csv says what each column means"],
        ]))  # fmt: skip
        add("data_dictionary.csv", csv_text(["table", "column", "type", "meaning"], data_dictionary()))
        for kind in KINDS:
            add(f"{kind.table}.csv", csv_text([c.name for c in columns_of(kind)], table_rows(kind)))
    return buffer.getvalue()

"""CSV exports that are safe to open in a spreadsheet.

Staff type their own names and titles; a cell starting with `=`, `+`, `-`, `@` (or a tab or
carriage return) would be read by Excel or LibreOffice as a formula. Such cells are prefixed
with an apostrophe, which spreadsheets show as plain text (OWASP's advice for CSV injection)."""

import csv

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_response(filename, header, rows):
    """An attachment `filename` with the header row and `rows`, every cell made safe."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return response

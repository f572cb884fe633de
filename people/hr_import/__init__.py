"""The HR import: read a CSV or XLSX staff list, validate every row, show a preview of
what would change, and apply it atomically with a fixed number of SQL queries.

Modules: `reading` turns a file into rows, `validation` turns rows into a checked
plan or a list of problems, `applying` writes a plan. `people.services` is the
public surface.
"""

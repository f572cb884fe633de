"""Shared by every report and export: formula-safe CSV and XLSX writers, and the rule
that hides groups too small to keep a person unidentifiable."""

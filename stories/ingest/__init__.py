"""Ingest: press releases that arrive by themselves (feeds, a drop folder, a webhook) as drafts,
and the other background work the worker runs beside it.

sources.py reads a source (fetch.py for HTTP, extraction.py for pages) into releases;
ingesting.py saves each release once (through the plain-text importer's loader), de-duplicated
by dedupe.py; scheduled_exports.py writes the export files editors schedule; retagging.py adds
the organizations the engine now finds; tasks.py runs it all on the task queue.
"""

"""Ingest: press releases that arrive by themselves (feeds, a drop folder, a webhook) as drafts.

sources.py reads a source (fetch.py for HTTP, html.py for pages) into releases; ingesting.py
saves each release once (through the plain-text importer's loader), de-duplicated by
dedupe.py; tasks.py runs it all on the task queue.
"""

"""The editors' admin for stories, one module per screen or part of one:

- story.py        StoryAdmin: the list and the form, saving, history
- forms.py        the story form and the other forms of these screens
- suggestions.py  the suggestions panel and "Organizations in this story" beside it
- workflow.py     the workflow buttons and the bulk actions (one table: publishing.TRANSITIONS)
- drafts.py       autosave of the editor's work in progress
- imports.py      "Import releases" and a release pasted into "Add story"
- filters.py      the list's filters
- tokens.py       export keys
- corrections.py  corrections and update notes (on the story form; retracted in their list)
"""

from stories.admin.corrections import CorrectionAdmin
from stories.admin.story import StoryAdmin
from stories.admin.tokens import ExportTokenAdmin

__all__ = ["CorrectionAdmin", "ExportTokenAdmin", "StoryAdmin"]

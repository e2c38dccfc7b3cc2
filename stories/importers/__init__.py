"""Turning files that reach the newsroom into stories: parse (pure), then load (atomic)."""

"""The frame every screen plugs into: login, navigation by role, status bar, messages (docs/gui.md)."""

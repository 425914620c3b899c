"""The use cases the GUI and the CLI call (design "services/"), each with its collaborators passed in."""

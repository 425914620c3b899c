"""The PySide6 desktop app: clerk, counter and technician screens over ``card_station`` services."""

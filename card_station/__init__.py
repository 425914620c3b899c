"""Card Station: the scheme rules, the card application, the store, sync and the services the GUI and CLI
call."""

"""The issuing run (issue 8): card faces for card printers, and batches of applications across readers."""

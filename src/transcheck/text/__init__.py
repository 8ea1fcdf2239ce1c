"""Language-aware text handling: scripts, sentence splitting and numbers."""

"""Quality scores: sacrebleu metrics against references."""

"""Text utilities shared by every stage: cleaning, sentence splitting, readability."""

"""The search index: grams and filters of an article, the script fold, the postings index and the indexer."""

"""The search index: records and tokens, the script fold, shards, Pagefind bundles and the indexer."""

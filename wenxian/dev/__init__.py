"""Tools for developers and CI: fixtures, synthetic corpora, evaluation, safety properties, PR summary."""

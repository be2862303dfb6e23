"""Reprints: the copies of one story carried by several outlets (issue 20).

Pure functions, texts in and data out:

- `shingles`: the comparable form of a copy (credit lines out, one script, no punctuation, mask
  characters as one wildcard) and its character 5-gram hashes and MinHash signature;
- `detect`: candidate pairs from MinHash LSH (datasketch's scheme, in numpy) and a sentence
  index (for excerpts), decided on exact containment and resemblance;
- `diff`: the character-level difference of two copies (inserted, deleted, equal, masked runs)
  and the relation of a copy to another (identical, masked, cut, edited);
- `groups`: connected copies as groups with a stable id, a reference copy and each copy's
  relation to it;
- `synthetic`: reprints with known truth (cuts, edits, swapped boilerplate, script, masking);
- `index`: the archive's groups at build time, cached by content (a build measures only what is
  new), each article's group id and size (`group_of`, `article_groups`: search, exports), and
  the copies a new capture makes (`copies_of_new`: `wenxian add`, the PR summary).

Thresholds and vocabularies are in `wenxian/data/reprints.yml`, with the measurements behind them.
"""

"""The static site: script twins, article and index pages, citations and exports, generated
from the archive by pure functions (the MkDocs hooks in hooks/ only adapt them)."""

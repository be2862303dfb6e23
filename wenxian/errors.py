"""Typed errors that always name the file they are about."""


class WenxianError(Exception):
    """Base error: carries the path of the offending file and a one-line problem."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self):
        # Rebuilt from (path, problem), so that it survives pickling (worker processes).
        return type(self), (self.path, self.problem)


class DecodeError(WenxianError):
    """The bytes of a capture cannot be read as text (empty, binary, unknown encoding)."""

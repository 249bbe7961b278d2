"""The one error the dataset readers raise on damaged input."""

from __future__ import annotations


class DatasetError(Exception):
    """A dataset file is missing, malformed, or holds a value its format does not allow.

    `line` is the 1-based line of a text file or row of a worksheet; None when the problem
    concerns the whole file (for example, a required file that is absent).
    """

    def __init__(self, dataset: str, file: str, line: int | None, message: str) -> None:
        self.dataset = dataset
        self.file = file
        self.line = line
        self.message = message
        where = file if line is None else f"{file}, line {line}"
        super().__init__(f"{dataset}: {where}: {message}")

"""Check whose figures a career page shows: every one its own, or under a "Closest ..." block.

Pages mark each part built from one occupation's data with `data-of="<code> ..."`. A part of
another occupation must sit inside a `closest-us` or `closest-esco` element for that code whose
heading says "Closest US occupation: <title>" or "Closest ESCO occupation...". Dollar figures
must sit inside some marked part, so none escapes the check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_BLOCKS = {"closest-us": "Closest US occupation: ", "closest-esco": "Closest ESCO occupation"}
_DOLLARS = re.compile(r"\$\d")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    parent: _Node | None
    children: list[_Node] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # text directly inside, in order

    def all_text(self) -> str:
        return " ".join([*self.text, *(child.all_text() for child in self.children)])

    def heading(self) -> str:
        for child in self.children:
            if child.tag in {"h2", "h3", "h4", "strong"}:
                return " ".join(child.all_text().split())
            found = child.heading()
            if found:
                return found
        return ""


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root", {}, None)
        self.current = self.root
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "svg"}:
            self.skip += 1
        node = _Node(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "svg"}:
            self.skip -= 1
        node: _Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.text.append(data)


def _walk(node: _Node) -> list[_Node]:
    found = [node]
    for child in node.children:
        found.extend(_walk(child))
    return found


def _block_for(node: _Node, code: str) -> _Node | None:
    ancestor: _Node | None = node
    while ancestor is not None:
        classes = ancestor.attrs.get("class", "").split()
        if (
            any(name in _BLOCKS for name in classes)
            and code in ancestor.attrs.get("data-of", "").split()
        ):
            return ancestor
        ancestor = ancestor.parent
    return None


def misattributed(page: str, own_code: str) -> list[str]:
    """Return what the page shows of another occupation outside a "Closest ..." block."""
    parser = _Tree()
    parser.feed(page)
    problems = []
    for node in _walk(parser.root):
        for code in node.attrs.get("data-of", "").split():
            if code == own_code:
                continue
            block = _block_for(node, code)
            if block is None:
                problems.append(f"<{node.tag}> of {code} outside a Closest block")
                continue
            wanted = next(
                prefix for name, prefix in _BLOCKS.items() if name in block.attrs["class"].split()
            )
            if not block.heading().startswith(wanted):
                problems.append(f"block of {code} titled {block.heading()!r}")
        marked = node.attrs.get("data-of") is not None
        if not marked and any(_DOLLARS.search(text) for text in node.text):
            ancestor = node.parent
            while ancestor is not None and ancestor.attrs.get("data-of") is None:
                ancestor = ancestor.parent
            if ancestor is None:
                problems.append(f"dollar figure in unmarked <{node.tag}>: {node.text}")
    return list(dict.fromkeys(problems))

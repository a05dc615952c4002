"""The pattern as GraphML, for graph tools: yEd, Gephi or a script with networkx.

Pure Python (networkx, no Qt). The graph is :func:`patroon.model.to_graph`'s:
one node per step with its ``text``, ``note`` and ``order`` (from 1), one edge
per arrow, a breakthrough as the ``breakthrough`` data of the edge it sits
on. Two additions make it readable in those tools: a ``label`` (the step's
text, which Gephi shows) and, when the caller knows where the boxes are, the
box centres as ``x`` and ``y`` (points from the page's top-left, y down).
GraphML holds only plain values, so the pattern's lists and mappings
(questions, meta, layout) travel as JSON text; :func:`pattern_from_graphml`
reads such a file back into the same pattern.
"""

from __future__ import annotations

import io
import json
from typing import IO, TYPE_CHECKING, Mapping, Union

from patroon.model import Pattern, from_graph, to_graph

if TYPE_CHECKING:
    from os import PathLike

    import networkx as nx

Point = tuple[float, float]

#: The pattern's parts that GraphML cannot hold as they are: written as JSON text.
JSON_ATTRIBUTES = ("questions", "meta", "layout")


def pattern_graph(pattern: Pattern, positions: Mapping[str, Point] | None = None) -> nx.DiGraph:
    """``to_graph(pattern)`` made fit for GraphML: plain values only, labels, and ``positions`` if given.

    ``positions`` maps a step id to the centre of its box.
    """
    graph = to_graph(pattern)
    for name in JSON_ATTRIBUTES:
        if name in graph.graph:
            graph.graph[name] = json.dumps(graph.graph[name], ensure_ascii=False)
    for node, data in graph.nodes(data=True):
        data["label"] = data["text"]
        if positions is not None and node in positions:
            x, y = positions[node]
            data["x"], data["y"] = round(float(x), 2), round(float(y), 2)
    return graph


def graphml_bytes(pattern: Pattern, positions: Mapping[str, Point] | None = None) -> bytes:
    """The pattern as the UTF-8 bytes of a GraphML file, written by ``networkx.write_graphml``.

    >>> p = Pattern(title="Rond", steps=[{"id": "a", "text": "A."}, {"id": "b", "text": "B."}])
    >>> pattern_from_graphml(io.BytesIO(graphml_bytes(p))) == p
    True
    """
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(pattern_graph(pattern, positions), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def pattern_from_graphml(source: Union[str, "PathLike[str]", IO[bytes]]) -> Pattern:
    """The pattern in a GraphML file (a path or a binary file object) written by :func:`graphml_bytes`.

    Raises :class:`~patroon.errors.PatternError` when the graph is not one
    closed cycle or its data is not a valid pattern.
    """
    import networkx as nx

    from patroon.errors import PatternError
    from patroon.i18n import pick

    graph = nx.read_graphml(source)
    if not isinstance(graph, nx.DiGraph):
        raise PatternError(pick("de graaf heeft geen richting; een patroon is een cirkel van pijlen",
                                "the graph is undirected; a pattern is a circle of arrows"))
    # networkx's own bookkeeping of the keys' defaults, not the pattern's.
    graph.graph.pop("node_default", None)
    graph.graph.pop("edge_default", None)
    for name in JSON_ATTRIBUTES:
        value = graph.graph.get(name)
        if isinstance(value, str):
            try:
                graph.graph[name] = json.loads(value)
            except ValueError:
                raise PatternError(pick(f"‘{name}’ is geen leesbare JSON",
                                        f"‘{name}’ is not readable JSON")) from None
    return from_graph(graph)

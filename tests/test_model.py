"""The pattern model and the cycle operations: every result is one whole, closed cycle."""

from __future__ import annotations

import pytest

from patroon.errors import PatternError
from patroon.model import (
    Pattern,
    from_graph,
    insert_step,
    make_id,
    move_step,
    remove_step,
    set_breakthrough,
    set_offset,
    set_step_text,
    to_graph,
    validate,
)


def four() -> Pattern:
    return Pattern(title="Rond", steps=[{"id": c, "text": c.upper()} for c in "abcd"],
                   breakthroughs=[{"after": "b", "text": "hier breken"}])


def cycle_of(pattern: Pattern) -> list[str]:
    """Walk the graph's cycle from the first step: the order the arrows give."""
    graph = to_graph(pattern)
    order, node = [], pattern.steps[0].id
    while node not in order:
        order.append(node)
        (node,) = list(graph.successors(node))
    assert len(order) == graph.number_of_nodes() == graph.number_of_edges()
    return order


def test_graph_has_one_closed_cycle_in_step_order():
    pattern = four()
    graph = to_graph(pattern)
    assert cycle_of(pattern) == ["a", "b", "c", "d"]
    assert graph.has_edge("d", "a")
    assert graph.edges["b", "c"]["breakthrough"] == "hier breken"
    assert graph.nodes["c"]["text"] == "C"
    assert from_graph(graph) == pattern


def test_from_graph_refuses_a_broken_cycle():
    graph = to_graph(four())
    graph.remove_edge("d", "a")
    with pytest.raises(PatternError, match="stap ‘d’ leidt naar 0"):
        from_graph(graph)
    graph.add_edge("d", "b")
    with pytest.raises(PatternError):
        from_graph(graph)


def test_insert_after_keeps_the_circle_and_the_breakthrough_on_its_arrow():
    pattern, new_id = insert_step(four(), "b", "Nieuwe stap.")
    assert cycle_of(pattern) == ["a", "b", new_id, "c", "d"]
    assert new_id == "nieuwe-stap"
    assert pattern.breakthrough("b").text == "hier breken"
    again, second = insert_step(pattern, "d", "Nieuwe stap.")
    assert second == "nieuwe-stap-2" and cycle_of(again)[-1] == second


def test_remove_joins_the_neighbours_and_drops_what_belonged_to_the_step():
    pattern = set_offset(four(), "b", (0.1, 0.2))
    pattern = remove_step(pattern, "b")
    assert cycle_of(pattern) == ["a", "c", "d"]
    assert to_graph(pattern).has_edge("a", "c")
    assert pattern.breakthroughs == [] and pattern.placement.offsets == {}


def test_a_pattern_keeps_two_steps():
    pattern = remove_step(remove_step(four(), "a"), "b")
    with pytest.raises(PatternError, match="minstens 2"):
        remove_step(pattern, "c")


@pytest.mark.parametrize(("index", "order"), [(0, "cabd"), (3, "abdc"), (99, "abdc"), (-5, "cabd")])
def test_move_step(index, order):
    pattern = move_step(four(), "c", index)
    assert cycle_of(pattern) == list(order)
    assert pattern.breakthrough("b").text == "hier breken"


def test_edit_text_keeps_the_id_and_the_original_is_unchanged():
    original = four()
    edited = set_step_text(original, "a", "  Ander verhaal \r\n met twee regels ")
    assert edited.step("a").text == "Ander verhaal \n met twee regels"
    assert original.step("a").text == "A"
    with pytest.raises(Exception):
        original.title = "kan niet"  # patterns are immutable: undo keeps old ones safely


def test_breakthroughs_one_per_arrow_in_cycle_order():
    pattern = set_breakthrough(four(), "d", "laatste")
    pattern = set_breakthrough(pattern, "a", "eerste")
    assert [b.after for b in pattern.breakthroughs] == ["a", "b", "d"]
    assert set_breakthrough(pattern, "b", None).breakthrough("b") is None
    with pytest.raises(PatternError, match="twee doorbraken"):
        validate({**pattern.model_dump(), "breakthroughs": [{"after": "a", "text": "x"}, {"after": "a", "text": "y"}]})


def test_offsets_must_name_a_step_and_stay_small():
    with pytest.raises(PatternError, match="geen stap"):
        validate({**four().model_dump(), "placement": {"offsets": {"zz": (0.1, 0.1)}}})
    with pytest.raises(PatternError, match="te groot"):
        validate({**four().model_dump(), "placement": {"offsets": {"a": (5, 0)}}})
    assert set_offset(set_offset(four(), "a", (0.5, 0)), "a", None).placement.offsets == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er doet zich een complex vraagstuk voor.", "complex-vraagstuk"),
        ("Organisaties kijken naar elkaar: wie is er aan zet?", "organisaties-kijken-zet"),
        ("Geëscaleerd én verdwaald", "geescaleerd-verdwaald"),
        ("", "stap-7"),
        ("!!!", "stap-7"),
    ],
)
def test_ids_made_from_text(text, expected):
    assert make_id(text, 7) == expected


def test_docstring_examples_hold():
    import doctest

    import patroon.model

    for module in (patroon.model,):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__


@pytest.mark.parametrize(("language", "expected"), [
    ("nl", "stap 1, tekst: de tekst van een stap is 1001 tekens lang; het maximum is 1000"),
    ("en", "step 1, text: a step's text is 1001 characters long; the limit is 1000"),
])
def test_a_limit_message_after_its_place_reads_as_one_sentence(language, expected, monkeypatch):
    from patroon import i18n

    monkeypatch.setattr(i18n, "_chosen", language)
    with pytest.raises(PatternError) as info:
        validate({"title": "x", "steps": [{"text": "y" * 1001}, {"text": "b"}]})
    assert str(info.value) == expected
    with pytest.raises(PatternError) as info:
        validate({"title": "x" * 201, "steps": [{"text": "a"}, {"text": "b"}]})
    assert str(info.value) in ("titel: de titel is 201 tekens lang; het maximum is 200",
                               "title: the title is 201 characters long; the limit is 200")


def test_lists_become_steps_by_one_rule():
    from patroon.model import blank_pattern, insert_steps, pattern_from_text, steps_from_text

    text = "- Eén\n\n2. Twee\n* Drie\n• Vier\n5) Vijf"
    assert steps_from_text(text) == ["Eén", "Twee", "Drie", "Vier", "Vijf"]
    assert [s.text for s in pattern_from_text(text, "Lijst").steps] == ["Eén", "Twee", "Drie", "Vier", "Vijf"]
    untouched, ids = insert_steps(blank_pattern(), "stap-1", ["Eerste stap", "Tweede stap"])
    assert [s.text for s in untouched.steps] == ["Eerste stap", "Tweede stap"] and len(ids) == 2
    pattern = pattern_from_text("a\nb\nc", "Drie")
    after, ids = insert_steps(pattern, pattern.steps[0].id, ["x", "y"])
    assert [s.text for s in after.steps] == ["a", "x", "y", "b", "c"]


def test_a_step_gets_its_id_from_its_first_text_and_keeps_it():
    from patroon.model import blank_pattern, name_step, set_step_text

    pattern = set_step_text(blank_pattern(), "stap-2", "Het vraagstuk is complex")
    named, new_id = name_step(pattern, "stap-2")
    assert new_id == "vraagstuk-complex" and named.steps[1].id == new_id
    again, same = name_step(set_step_text(named, new_id, "Iets anders"), new_id)
    assert same == new_id

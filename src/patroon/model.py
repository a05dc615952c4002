"""The pattern: a closed causal cycle of steps, and the operations that keep it closed.

Pure Python (pydantic and networkx, no Qt). A :class:`Pattern` is immutable:
every operation returns a new, validated pattern, so an undo stack can keep
old ones and every state it holds is a whole cycle.

>>> p = Pattern(title="Wereldvrede", steps=[{"text": "Er doet zich een complex vraagstuk voor."},
...                                         {"text": "Een gezamenlijke visie ontbreekt."}])
>>> [s.id for s in p.steps]
['complex-vraagstuk', 'gezamenlijke-visie-ontbreekt']
>>> p2, new_id = insert_step(p, "complex-vraagstuk", "Partners zijn het eens.")
>>> [s.text for s in p2.steps][1]
'Partners zijn het eens.'
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import TYPE_CHECKING, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from typing_extensions import Annotated

from patroon.i18n import pick
from patroon.limits import MAX_ID, MAX_QUESTIONS, MAX_STEPS, MAX_TEXT, MAX_TITLE, MIN_STEPS

if TYPE_CHECKING:
    import networkx as nx

FORMAT_VERSION = 1


DEFAULT_QUESTIONS: tuple[str, ...] = (
    "Vind je het patroon herkenbaar? Wat zie je gebeuren in de praktijk?",
    "Hoe draag jij of jouw organisatie (onbedoeld) bij aan het in stand houden van dit patroon?",
    "Welk eerste stapje zie je om het patroon te doorbreken?",
)

# Words left out of ids made from a step's text: they carry no meaning.
_STOPWORDS = frozenset(
    "de het een en of in op te van voor naar met door bij aan om is zijn wordt worden er "
    "die dat dit deze niet wel als ook nog dan maar tot uit over zich doet doen gaat gaan "
    "komt komen heeft hebben moet moeten kan kunnen zal zullen wie wat waar hoe we wij ze zij "
    "je jij hij men iets alle elkaar steeds meer the a an of to".split()
)
_ID_RE = re.compile(r"^[\w][\w.\-]*$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True, populate_by_name=True)


_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")

#: Characters no text may hold, because no sheet can print them: C0 and C1 control
#: characters but tab and newline, DEL, lone surrogates, and the two non-characters
#: XML 1.0 forbids (an SVG holding one is not XML).
UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


class PartError(ValueError):
    """A problem with one part of a pattern (``("steps", 2, "id")``), raised inside validation."""

    def __init__(self, message: str, part: tuple[str | int, ...]) -> None:
        super().__init__(message)
        self.part = part

    @classmethod
    def of(cls, nl: str, en: str, part: tuple[str | int, ...]) -> "PartError":
        """The problem in the user's language: ``nl`` in Dutch, ``en`` in English."""
        return cls(pick(nl, en), part)


def unprintable_words(char: str) -> str:
    """What is said of a text holding ``char``, an :data:`UNPRINTABLE` character."""
    code = f"U+{ord(char):04X}"
    return pick(
        f"een tekst bevat het onzichtbare teken {code}, dat niet kan worden afgedrukt; haal het weg",
        f"a text holds the invisible character {code}, which cannot be printed; remove it",
    )


def _clean_text(value: Any) -> Any:
    """Strip a text and make every kind of line break a plain ``\\n``; leave non-strings to the type check."""
    if isinstance(value, str):
        return _LINE_BREAKS.sub("\n", value).strip()
    return value


def _text(limit: int, what_nl: str, what_en: str) -> Any:
    """A text field: stripped, line breaks unified, at most ``limit`` characters."""

    def check(value: str) -> str:
        found = UNPRINTABLE.search(value)
        if found:
            raise ValueError(unprintable_words(found.group()))
        if len(value) > limit:
            raise ValueError(
                pick(
                    f"{what_nl} is {len(value)} tekens lang; het maximum is {limit}",
                    f"{what_en} is {len(value)} characters long; the limit is {limit}",
                )
            )
        return value

    return Annotated[str, BeforeValidator(_clean_text), AfterValidator(check)]


StepText = _text(MAX_TEXT, "De tekst van een stap", "A step's text")
NoteText = _text(MAX_TEXT, "Een notitie", "A note")
BreakthroughText = _text(MAX_TEXT, "De tekst van een doorbraak", "A breakthrough's text")
MetaText = _text(MAX_TITLE, "Een gegeven onder meta", "A meta field")
TitleText = _text(MAX_TITLE, "De titel", "The title")
ContextText = _text(MAX_TITLE, "De contextregel", "The context line")
DescriptionText = _text(2 * MAX_TEXT, "De beschrijving", "The description")
QuestionText = _text(MAX_TEXT, "Een vraag", "A question")


class Step(_Model):
    """One step of the cycle: what happens, which leads to the next step."""

    id: str
    text: StepText = ""
    note: NoteText = ""

    @field_validator("id", mode="before")
    @classmethod
    def _valid_id(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if not value or len(value) > MAX_ID or not _ID_RE.match(value):
                raise ValueError(
                    pick(
                        f"‘{value}’ is geen bruikbare id: gebruik letters, cijfers en streepjes"
                        f" (hoogstens {MAX_ID} tekens)",
                        f"‘{value}’ is not a usable id: use letters, digits and dashes"
                        f" (at most {MAX_ID} characters)",
                    )
                )
        return value


class Breakthrough(_Model):
    """A *doorbraak*: where and how the cycle could be broken, on the arrow leaving step ``after``."""

    after: str
    text: BreakthroughText = ""


class Meta(_Model):
    """Who made the pattern, where and when, and from what source."""

    author: MetaText = ""
    organisation: MetaText = ""
    region: MetaText = ""
    date: MetaText = ""
    source: MetaText = ""


class Placement(_Model):
    """Where the boxes go: the circle's start angle and direction, the palette, and hand-made nudges.

    Saved under ``layout:`` in a pattern file. (The geometry computed from it
    is a :class:`patroon.layout.PatternLayout`.)

    ``offsets`` maps a step id to the ``[dx, dy]`` a user dragged its box by,
    in units of the diagram's radius so the nudge survives re-flowing.
    """

    start_angle: float = Field(default=90.0, ge=-360.0, le=360.0)
    direction: Literal["clockwise", "counterclockwise"] = "clockwise"
    palette: str = "default"
    offsets: dict[str, tuple[float, float]] = Field(default_factory=dict)

    @field_validator("offsets")
    @classmethod
    def _small_offsets(cls, value: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
        for key, (dx, dy) in value.items():
            if not (math.isfinite(dx) and math.isfinite(dy)):
                raise PartError.of(f"de verschuiving van ‘{key}’ moet uit twee getallen bestaan",
                                   f"the offset of ‘{key}’ must be two numbers", ("layout", "offsets", key))
            if not (-2.0 <= dx <= 2.0 and -2.0 <= dy <= 2.0):
                raise PartError.of(
                    f"de verschuiving van ‘{key}’ is te groot (hoogstens 2 keer de straal)",
                    f"the offset of ‘{key}’ is too large (at most twice the radius)",
                    ("layout", "offsets", key),
                )
        return value


class Pattern(_Model):
    """A belemmerend patroon: a title and a closed cycle of at least two steps.

    Validation guarantees: at least :data:`MIN_STEPS` and at most
    :data:`MAX_STEPS` steps, unique step ids (made from the text where a step
    has none), every breakthrough on an existing step (at most one per arrow),
    every manual offset on an existing step, and the length limits.
    """

    title: TitleText
    context: ContextText = ""
    description: DescriptionText = ""
    steps: list[Step]
    breakthroughs: list[Breakthrough] = Field(default_factory=list)
    questions: list[QuestionText] = Field(default_factory=lambda: list(DEFAULT_QUESTIONS))
    meta: Meta = Field(default_factory=Meta)
    placement: Placement = Field(default_factory=Placement, alias="layout")

    @field_validator("questions")
    @classmethod
    def _questions(cls, value: list[str]) -> list[str]:
        if len(value) > MAX_QUESTIONS:
            raise ValueError(
                pick(
                    f"er zijn {len(value)} vragen; het maximum is {MAX_QUESTIONS}",
                    f"there are {len(value)} questions; the limit is {MAX_QUESTIONS}",
                )
            )
        return value

    @model_validator(mode="before")
    @classmethod
    def _give_ids(cls, data: Any) -> Any:
        """Give every step without an id one made from its text, unique in the pattern."""
        if not isinstance(data, dict) or not isinstance(data.get("steps"), list):
            return data
        steps = data["steps"]
        if len(steps) > MAX_STEPS:
            raise PartError.of(
                f"het patroon heeft {len(steps)} stappen; het maximum is {MAX_STEPS}",
                f"the pattern has {len(steps)} steps; the limit is {MAX_STEPS}",
                ("steps",),
            )
        given = (s.get("id") if isinstance(s, dict) else getattr(s, "id", None) for s in steps)
        taken = {i for i in given if isinstance(i, str)}
        filled = []
        for number, step in enumerate(steps, start=1):
            if isinstance(step, dict) and step.get("id") in (None, ""):
                text = step.get("text")
                new_id = unique_id(make_id(text if isinstance(text, str) else "", number), taken)
                taken.add(new_id)
                step = {**step, "id": new_id}
            filled.append(step)
        return {**data, "steps": filled}

    @model_validator(mode="after")
    def _whole_cycle(self) -> "Pattern":
        if len(self.steps) < MIN_STEPS:
            raise PartError.of(
                f"een patroon is een cirkel van minstens {MIN_STEPS} stappen;"
                f" dit heeft er {len(self.steps)}",
                f"a pattern is a circle of at least {MIN_STEPS} steps; this one has {len(self.steps)}",
                ("steps",),
            )
        seen: set[str] = set()
        for number, step in enumerate(self.steps):
            if step.id in seen:
                raise PartError.of(
                    f"de id ‘{step.id}’ komt twee keer voor; elke stap heeft een eigen id",
                    f"the id ‘{step.id}’ occurs twice; every step needs its own id",
                    ("steps", number, "id"),
                )
            seen.add(step.id)
        arrows: set[str] = set()
        for number, b in enumerate(self.breakthroughs):
            if b.after not in seen:
                raise PartError.of(
                    f"een doorbraak staat na ‘{b.after}’, maar er is geen stap met die id",
                    f"a breakthrough follows ‘{b.after}’, but there is no step with that id",
                    ("breakthroughs", number, "after"),
                )
            if b.after in arrows:
                raise PartError.of(
                    f"er staan twee doorbraken na ‘{b.after}’; een pijl heeft er hoogstens één",
                    f"there are two breakthroughs after ‘{b.after}’; an arrow holds at most one",
                    ("breakthroughs", number, "after"),
                )
            arrows.add(b.after)
        for key in self.placement.offsets:
            if key not in seen:
                raise PartError.of(
                    f"de lay-out verschuift ‘{key}’, maar er is geen stap met die id",
                    f"the layout moves ‘{key}’, but there is no step with that id",
                    ("layout", "offsets", key),
                )
        return self

    # Convenience look-ups -------------------------------------------------

    def step(self, step_id: str) -> Step:
        """The step with id ``step_id`` (KeyError if there is none)."""
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)

    def index(self, step_id: str) -> int:
        """The position of step ``step_id`` in the cycle."""
        for i, s in enumerate(self.steps):
            if s.id == step_id:
                return i
        raise KeyError(step_id)

    def next_step(self, step_id: str) -> Step:
        """The step that ``step_id`` leads to (the last leads to the first)."""
        return self.steps[(self.index(step_id) + 1) % len(self.steps)]

    def breakthrough(self, step_id: str) -> Breakthrough | None:
        """The breakthrough on the arrow leaving ``step_id``, if any."""
        for b in self.breakthroughs:
            if b.after == step_id:
                return b
        return None


def make_id(text: str, number: int = 1) -> str:
    """A short, readable id made from a step's text: its first meaningful words.

    >>> make_id("Er doet zich een complex vraagstuk voor.")
    'complex-vraagstuk'
    >>> make_id("Slagbomen\u2028neer", 2)
    'slagbomen-neer'
    >>> make_id("", 3)
    'stap-3'
    """
    text = _LINE_BREAKS.sub(" ", text)  # a line break parts words, even one the ASCII below would drop
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", plain)
    meaningful = [w for w in words if w not in _STOPWORDS] or words
    chosen: list[str] = []
    for word in meaningful:
        if chosen and len("-".join(chosen + [word])) > 32:
            break
        chosen.append(word[:32])
        if len(chosen) == 3:
            break
    return "-".join(chosen) or f"stap-{number}"


def unique_id(candidate: str, taken: set[Any]) -> str:
    """``candidate``, or ``candidate-2``, ``-3``... whichever is not yet taken."""
    if candidate not in taken:
        return candidate
    n = 2
    while f"{candidate}-{n}" in taken:
        n += 1
    return f"{candidate}-{n}"


def validate(data: dict[str, Any]) -> Pattern:
    """Build a :class:`Pattern` from plain data, raising :class:`~patroon.errors.PatternError`.

    The message says in plain words what is wrong and where in the file
    (``stap 3, tekst``), never pydantic's internals.
    """
    from patroon.errors import PatternError

    try:
        return Pattern.model_validate(data)
    except ValidationError as exc:
        raise PatternError(describe_validation_error(exc), part=_problem_part(exc)) from None


def _problem_part(exc: ValidationError) -> tuple[str | int, ...]:
    """Where in the data the first problem is: its own part, or where pydantic found it."""
    err = exc.errors(include_url=False)[0]
    error = (err.get("ctx") or {}).get("error")
    return error.part if isinstance(error, PartError) else tuple(err["loc"])


_FIELD_NAMES = {
    "title": ("titel", "title"),
    "context": ("context", "context"),
    "description": ("beschrijving", "description"),
    "steps": ("stappen", "steps"),
    "breakthroughs": ("doorbraken", "breakthroughs"),
    "questions": ("vragen", "questions"),
    "meta": ("meta", "meta"),
    "layout": ("layout", "layout"),
    "text": ("tekst", "text"),
    "note": ("notitie", "note"),
    "after": ("after", "after"),
    "id": ("id", "id"),
}


def _place(loc: tuple[Any, ...]) -> str:
    parts = []
    for i, item in enumerate(loc):
        if isinstance(item, int):
            container = loc[i - 1] if i else ""
            if container == "steps":
                parts[-1] = pick(f"stap {item + 1}", f"step {item + 1}")
            elif container == "breakthroughs":
                parts[-1] = pick(f"doorbraak {item + 1}", f"breakthrough {item + 1}")
            elif container == "questions":
                parts[-1] = pick(f"vraag {item + 1}", f"question {item + 1}")
            else:
                parts.append(str(item + 1))
        else:
            nl, en = _FIELD_NAMES.get(str(item), (str(item), str(item)))
            parts.append(pick(nl, en))
    return ", ".join(parts)


def describe_validation_error(exc: ValidationError) -> str:
    """One plain-language sentence for the first problem pydantic found."""
    err = exc.errors(include_url=False)[0]
    kind, loc, ctx = err["type"], tuple(err["loc"]), err.get("ctx") or {}
    place = _place(loc)
    if kind == "value_error":
        message = str(ctx.get("error", err["msg"]))
    elif kind == "missing":
        message = pick("ontbreekt", "is missing")
    elif kind == "extra_forbidden":
        message = pick(
            f"‘{loc[-1]}’ is geen onderdeel van een patroon (typfout?)",
            f"‘{loc[-1]}’ is not part of a pattern (a typo?)",
        )
        place = _place(loc[:-1])
    elif kind in ("string_type", "str_type"):
        message = pick("moet tekst zijn", "must be text")
    elif kind == "list_type":
        message = pick("moet een lijst zijn (regels die met ‘- ’ beginnen)", "must be a list (lines starting with ‘- ’)")
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        message = pick("moet een blok met sleutels en waarden zijn", "must be a block of keys and values")
    elif kind == "literal_error":
        options = str(ctx.get("expected", "")).replace(" or ", pick(" of ", " or "))
        message = pick(f"moet een van deze zijn: {options}", f"must be one of: {options}")
    else:
        message = _number_words(kind, ctx) or pick("heeft hier een waarde die niet past",
                                                     "has a value that does not fit here")
    return f"{place}: {_continuing(message)}" if place else message


def _number_words(kind: str, ctx: dict[str, Any]) -> str | None:
    """Pydantic's problems with numbers and pairs in plain words (its own are English)."""
    if kind in ("less_than_equal", "less_than"):
        return pick(f"mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn", f"must be at most {ctx.get('le', ctx.get('lt'))}")
    if kind in ("greater_than_equal", "greater_than"):
        return pick(f"moet minstens {ctx.get('ge', ctx.get('gt'))} zijn", f"must be at least {ctx.get('ge', ctx.get('gt'))}")
    if kind.startswith(("float", "int", "finite")):
        return pick("moet een getal zijn", "must be a number")
    if kind in ("tuple_type", "too_long", "too_short"):
        return pick("moet een paar getallen zijn, zoals [0.1, -0.2]", "must be a pair of numbers, such as [0.1, -0.2]")
    return None


def _continuing(message: str) -> str:
    """``message`` as the rest of a sentence that its place began: its first word in lower case.

    >>> _continuing("De tekst van een stap is 1001 tekens lang")
    'de tekst van een stap is 1001 tekens lang'
    >>> _continuing("ID ‘x’ ontbreekt")
    'ID ‘x’ ontbreekt'
    """
    first = message.split(" ", 1)[0]
    if first[:1].isupper() and (len(first) == 1 or first[1:].islower()):
        return message[0].lower() + message[1:]
    return message


# The cycle as a graph ---------------------------------------------------


def to_graph(pattern: Pattern) -> "nx.DiGraph":
    """The pattern as a directed graph whose one cycle is the step order.

    Nodes are step ids (attributes ``text``, ``note`` and ``order``, the step's
    place in the cycle from 1); edge *i* → *i+1* and
    last → first carry the breakthrough text on that arrow, if any
    (attribute ``breakthrough``). The graph's own attributes hold the rest of
    the pattern, and ``first`` names the step the cycle starts at.
    """
    import networkx as nx

    graph = nx.DiGraph(first=pattern.steps[0].id, **pattern.model_dump(exclude={"steps", "breakthroughs"}, by_alias=True))
    for order, s in enumerate(pattern.steps, start=1):
        graph.add_node(s.id, text=s.text, note=s.note, order=order)
    notes = {b.after: b.text for b in pattern.breakthroughs}
    for s in pattern.steps:
        target = pattern.next_step(s.id).id
        if s.id in notes:
            graph.add_edge(s.id, target, breakthrough=notes[s.id])
        else:
            graph.add_edge(s.id, target)
    return graph


def from_graph(graph: "nx.DiGraph") -> Pattern:
    """The pattern a cycle graph describes (the inverse of :func:`to_graph`).

    The arrows give the order; of a node's data only ``text`` and ``note``
    count, so a graph a tool added its own data to (a position, a colour)
    still reads. Raises :class:`~patroon.errors.PatternError` when the graph
    is not one closed cycle through every node.
    """
    from patroon.errors import PatternError

    first = graph.graph.get("first")
    if first not in graph:
        first = next(iter(graph.nodes), None)
    order: list[str] = []
    node = first
    while node is not None and node not in order:
        order.append(node)
        successors = list(graph.successors(node))
        if len(successors) != 1:
            raise PatternError(
                pick(
                    f"stap ‘{node}’ leidt naar {len(successors)} stappen; in een cirkel is dat er één",
                    f"step ‘{node}’ leads to {len(successors)} steps; in a circle it leads to one",
                )
            )
        node = successors[0]
    if node != first or len(order) != graph.number_of_nodes():
        raise PatternError(pick("de stappen vormen geen gesloten cirkel", "the steps do not form one closed circle"))
    data = {k: v for k, v in graph.graph.items() if k != "first"}
    data["steps"] = [{"id": n, **{k: v for k, v in graph.nodes[n].items() if k in ("text", "note")}} for n in order]
    data["breakthroughs"] = [
        {"after": n, "text": graph.edges[n, graph_next]["breakthrough"]}
        for n in order
        for graph_next in graph.successors(n)
        if "breakthrough" in graph.edges[n, graph_next]
    ]
    return validate(data)


# Operations that keep the cycle whole -------------------------------------


def _rebuild(pattern: Pattern, **changes: Any) -> Pattern:
    data = pattern.model_dump()
    data.update(changes)
    return validate(data)


def insert_step(pattern: Pattern, after: str, text: str = "", step_id: str | None = None) -> tuple[Pattern, str]:
    """Insert a new step on the arrow leaving ``after``; return the new pattern and the step's id.

    The breakthrough on that arrow stays on the arrow that leaves ``after``.
    """
    index = pattern.index(after)
    taken = {s.id for s in pattern.steps}
    new_id = step_id or unique_id(make_id(text, len(pattern.steps) + 1), taken)
    steps = [s.model_dump() for s in pattern.steps]
    steps.insert(index + 1, {"id": new_id, "text": text})
    return _rebuild(pattern, steps=steps), new_id


def remove_step(pattern: Pattern, step_id: str) -> Pattern:
    """Remove a step; its predecessor now leads to its successor.

    The breakthrough on the removed step's own arrow goes with it, and so does
    its manual offset. A pattern keeps at least two steps (PatternError).
    """
    index = pattern.index(step_id)
    if len(pattern.steps) <= MIN_STEPS:
        from patroon.errors import PatternError

        raise PatternError(
            pick(
                f"een patroon houdt minstens {MIN_STEPS} stappen",
                f"a pattern keeps at least {MIN_STEPS} steps",
            )
        )
    steps = [s.model_dump() for i, s in enumerate(pattern.steps) if i != index]
    breakthroughs = [b.model_dump() for b in pattern.breakthroughs if b.after != step_id]
    placement = pattern.placement.model_dump()
    placement["offsets"] = {k: v for k, v in placement["offsets"].items() if k != step_id}
    return _rebuild(pattern, steps=steps, breakthroughs=breakthroughs, placement=placement)


def move_step(pattern: Pattern, step_id: str, new_index: int) -> Pattern:
    """Move a step to position ``new_index`` (0-based, clamped); the cycle closes around it.

    A breakthrough stays with the step whose outgoing arrow it was on.
    """
    index = pattern.index(step_id)
    new_index = max(0, min(new_index, len(pattern.steps) - 1))
    steps = [s.model_dump() for s in pattern.steps]
    steps.insert(new_index, steps.pop(index))
    return _rebuild(pattern, steps=steps)


def set_step_text(pattern: Pattern, step_id: str, text: str) -> Pattern:
    """The pattern with step ``step_id``'s text replaced; its id stays."""
    return _replace_step(pattern, step_id, text=text)


def set_step_note(pattern: Pattern, step_id: str, note: str) -> Pattern:
    """The pattern with step ``step_id``'s facilitator note replaced."""
    return _replace_step(pattern, step_id, note=note)


def _replace_step(pattern: Pattern, step_id: str, **fields: str) -> Pattern:
    index = pattern.index(step_id)
    steps = [s.model_dump() for s in pattern.steps]
    steps[index].update(fields)
    return _rebuild(pattern, steps=steps)


def set_breakthrough(pattern: Pattern, after: str, text: str | None) -> Pattern:
    """Put a breakthrough with ``text`` on the arrow leaving ``after``; ``None`` removes it."""
    pattern.index(after)
    kept = [b.model_dump() for b in pattern.breakthroughs if b.after != after]
    if text is not None:
        kept.append({"after": after, "text": text})
        order = {s.id: i for i, s in enumerate(pattern.steps)}
        kept.sort(key=lambda b: order[b["after"]])
    return _rebuild(pattern, breakthroughs=kept)


def set_offset(pattern: Pattern, step_id: str, offset: tuple[float, float] | None) -> Pattern:
    """Record a manual nudge of a step's box (in radii); ``None`` or (0, 0) clears it."""
    pattern.index(step_id)
    placement = pattern.placement.model_dump()
    offsets = dict(placement["offsets"])
    if offset is None or offset == (0.0, 0.0):
        offsets.pop(step_id, None)
    else:
        offsets[step_id] = (round(offset[0], 4), round(offset[1], 4))
    placement["offsets"] = offsets
    return _rebuild(pattern, placement=placement)


def update(pattern: Pattern, **fields: Any) -> Pattern:
    """The pattern with top-level fields replaced (title, context, questions, meta...)."""
    return _rebuild(pattern, **fields)


def blank_pattern(steps: int = 4, *, labelled: bool = False) -> Pattern:
    """A new pattern to start from: a working title and ``steps`` empty steps to type in.

    The editor shows a grey hint in an empty step; nothing of it is saved. The
    ids are placeholders until a step gets its text (:func:`name_step`).
    ``labelled``: the steps say "Stap 1"... (a template file to edit by hand).
    """
    return Pattern(
        title=pick("Nieuw patroon", "New pattern"),
        steps=[{"id": f"stap-{i}", "text": pick(f"Stap {i}", f"Step {i}") if labelled else ""}
               for i in range(1, steps + 1)],
    )


def is_untouched(pattern: Pattern) -> bool:
    """True for a pattern with nothing typed in it yet: every step empty, nothing on the arrows."""
    return all(not s.text and not s.note for s in pattern.steps) and not pattern.breakthroughs


_HEADING = re.compile(r"^\s*#{1,6}(?:\s|$)")
# A bullet or a number with a space after it: "3.5 miljoen" and "**vet**" keep their start.
_LIST_MARKER = re.compile(r"^\s*(?:[-*•–·]|\d+[.)])(?:\s+|$)")
_PLACEHOLDER_ID = re.compile(r"^(?:stap|step)-\d+$")


def steps_from_text(text: str) -> list[str]:
    """The steps in a plain list: one per line; blank lines, bullets and numbering dropped.

    The one rule for ``patroon new --from-text``, pasting a list in the editor
    and opening a ``.txt`` or ``.md`` file.

    >>> steps_from_text("# Kop\\n- Eén\\n\\n2. Twee\\n* Drie\\n4) Vier\\n3.5 miljoen mensen")
    ['Eén', 'Twee', 'Drie', 'Vier', '3.5 miljoen mensen']
    """
    steps = []
    for line in text.splitlines():
        if _HEADING.match(line):  # a Markdown heading is no step
            continue
        line = _LIST_MARKER.sub("", line).strip()
        if line:
            steps.append(line)
    return steps


def pattern_from_text(text: str, title: str) -> Pattern:
    """A new pattern titled ``title`` with one step per line of ``text`` (:func:`steps_from_text`)."""
    return validate({"title": title, "steps": [{"text": s} for s in steps_from_text(text)]})


def insert_steps(pattern: Pattern, after: str | None, texts: list[str]) -> tuple[Pattern, list[str]]:
    """Insert steps with ``texts`` after step ``after`` (None: at the end); return the pattern and the new ids.

    In an untouched pattern (:func:`is_untouched`) the texts replace its empty steps.
    """
    if is_untouched(pattern) and len(texts) >= MIN_STEPS:
        new = update(pattern, steps=[{"text": t} for t in texts], placement={})
        return new, [s.id for s in new.steps]
    index = pattern.index(after) if after is not None else len(pattern.steps) - 1
    taken = {s.id for s in pattern.steps}
    added = []
    for text in texts:
        added.append({"id": unique_id(make_id(text, len(taken) + 1), taken), "text": text})
        taken.add(added[-1]["id"])
    steps = [s.model_dump() for s in pattern.steps]
    steps[index + 1:index + 1] = added
    return _rebuild(pattern, steps=steps), [a["id"] for a in added]


def name_step(pattern: Pattern, step_id: str) -> tuple[Pattern, str]:
    """Give a step that still has a placeholder id (``stap-3``) one made from its text, as the text
    import does; an id made from a text stays, whatever the text becomes later.

    Returns the pattern and the step's id (the same pattern when nothing changed).
    """
    step = pattern.step(step_id)
    if not step.text or not _PLACEHOLDER_ID.match(step_id):
        return pattern, step_id
    taken = {s.id for s in pattern.steps} - {step_id}
    new_id = unique_id(make_id(step.text, pattern.index(step_id) + 1), taken)
    if new_id == step_id:
        return pattern, step_id
    data = pattern.model_dump()
    for s in data["steps"]:
        if s["id"] == step_id:
            s["id"] = new_id
    for b in data["breakthroughs"]:
        if b["after"] == step_id:
            b["after"] = new_id
    offsets = data["placement"]["offsets"]
    if step_id in offsets:
        offsets[new_id] = offsets.pop(step_id)
    return validate(data), new_id

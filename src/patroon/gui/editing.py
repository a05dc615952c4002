"""The edits the menus, the canvas, the side panel and the presenter share.

Each function changes the document's pattern by exactly one undo command
(named in the user's language), so every window edits a pattern the same
way and undo reads the same wherever the change was made. The functions
raise :class:`~patroon.errors.PatternError` when the model refuses a change
(a text too long, too many steps); the caller says so where the user looks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from patroon.gui.document import Document


def add_step(document: Document, after: str) -> str:
    """Insert a blank step after ``after``; return the new step's id (typing its text merges into this command)."""
    from patroon.model import insert_step

    new, new_id = insert_step(document.pattern, after, "")
    document.apply(new, QCoreApplication.translate("Editing", "Add step"), merge=("add", new_id), select=new_id, select_before=after)
    return new_id


def take_back_added_step(document: Document, step_id: str) -> None:
    """Undo the addition of ``step_id`` when it is the last command, leaving nothing to redo (Esc on a new step)."""
    stack = document.undo_stack
    index = stack.index()
    if index == 0:
        return
    command = stack.command(index - 1)
    if getattr(command, "merge_key", None) == ("add", step_id):
        # Qt drops an obsolete command on undo without undoing it: undo it here first.
        command.undo()
        command.setObsolete(True)
        stack.undo()


def delete_step(document: Document, step_id: str) -> str | None:
    """Delete ``step_id``, its predecessor now leading to its successor; return the step selected after,
    or None when the cycle is too short to lose a step."""
    from patroon.model import MIN_STEPS, remove_step

    pattern = document.pattern
    if len(pattern.steps) <= MIN_STEPS:
        return None
    index = pattern.index(step_id)
    neighbour = pattern.steps[index - 1].id if index > 0 else pattern.steps[1].id
    document.apply(remove_step(pattern, step_id), QCoreApplication.translate("Editing", "Delete step"), select=neighbour, select_before=step_id)
    return neighbour


def move_step_to(document: Document, step_id: str, new_index: int) -> bool:
    """Move ``step_id`` to position ``new_index`` of the cycle; False when that is no move."""
    from patroon.model import move_step

    pattern = document.pattern
    if not 0 <= new_index < len(pattern.steps) or pattern.index(step_id) == new_index:
        return False
    text = QCoreApplication.translate("Editing", "Move step earlier") if new_index < pattern.index(step_id) else QCoreApplication.translate("Editing", "Move step later")
    document.apply(move_step(pattern, step_id, new_index), text, select=step_id, select_before=step_id)
    return True


def drop_step_on(document: Document, step_id: str, target_id: str) -> None:
    """A step dragged onto another one's place takes that place (and loses its nudge)."""
    from patroon.model import move_step, set_offset

    pattern = document.pattern
    new = move_step(set_offset(pattern, step_id, None), step_id, pattern.index(target_id))
    document.apply(new, QCoreApplication.translate("Editing", "Move step"), select=step_id, select_before=step_id)


def nudge_step(document: Document, step_id: str, offset: tuple[float, float]) -> None:
    """Keep ``step_id`` ``offset`` (in radii) away from its place on the circle."""
    from patroon.model import set_offset

    document.apply(set_offset(document.pattern, step_id, offset), QCoreApplication.translate("Editing", "Nudge step"),
                   select=step_id, select_before=step_id)


def set_step_text(document: Document, step_id: str, text: str, *, adding: bool = False) -> str | None:
    """Give ``step_id`` a new text; ``adding``: the text of a step just added, one command with the addition.

    A step with a placeholder id gets one made from its first text; the
    step's id is returned. A step that went away meanwhile (undo while typing)
    is left alone (None).
    """
    from patroon.model import name_step
    from patroon.model import set_step_text as with_text

    try:
        new, named = name_step(with_text(document.pattern, step_id, text), step_id)
    except KeyError:
        return
    document.apply(new, QCoreApplication.translate("Editing", "Add step") if adding else QCoreApplication.translate("Editing", "Edit step text"),
                   merge=("add", step_id) if adding else None, select=named, select_before=step_id)
    return named


def paste_steps(document: Document, after: str | None, texts: list[str], *, replace_empty: bool = False) -> list[str]:
    """Insert one step per text after ``after`` as one command (in an untouched pattern they replace
    its empty steps); return the new ids. ``replace_empty``: the pattern's other empty steps go too
    (a list pasted into the first step of a new pattern)."""
    from patroon.model import MIN_STEPS, insert_steps, remove_step

    new, ids = insert_steps(document.pattern, after, texts)
    if replace_empty:
        for step in [s for s in new.steps if not s.text and not s.note]:
            if len(new.steps) > MIN_STEPS:
                new = remove_step(new, step.id)
    document.apply(new, QCoreApplication.translate("Editing", "Paste steps"), select=ids[0] if ids else None, select_before=after)
    return ids


def set_title(document: Document, text: str) -> None:
    """A new title, its white space made single; an empty title is no change."""
    from patroon.model import update

    text = " ".join(text.split())
    if text:
        document.apply(update(document.pattern, title=text), QCoreApplication.translate("Editing", "Edit title"))


def set_breakthrough(document: Document, step_id: str, text: str, *, label: str | None = None) -> None:
    """Put ``text`` (stripped by the caller) on the arrow leaving ``step_id``; an empty text removes
    the breakthrough there.

    ``label`` names the undo command; by default it says whether a breakthrough was added,
    edited or removed. A step that went away meanwhile is left alone.
    """
    from patroon.model import set_breakthrough as with_breakthrough

    existing = document.pattern.breakthrough(step_id)
    if not text and existing is None:
        return
    try:
        new = with_breakthrough(document.pattern, step_id, text or None)
    except KeyError:
        return
    if label is None:
        label = QCoreApplication.translate("Editing", "Remove breakthrough") if not text else (
            QCoreApplication.translate("Editing", "Edit breakthrough") if existing else QCoreApplication.translate("Editing", "Add breakthrough"))
    document.apply(new, label, select=step_id, select_before=step_id)


def remove_breakthrough(document: Document, step_id: str) -> None:
    """Take the breakthrough off the arrow leaving ``step_id`` (if it has one)."""
    if document.pattern.breakthrough(step_id) is not None:
        set_breakthrough(document, step_id, "")


def reset_layout(document: Document) -> None:
    """Put every box back in its place on the circle (drop every nudge)."""
    from patroon.model import update

    pattern = document.pattern
    if pattern.placement.offsets:
        placement = {**pattern.placement.model_dump(), "offsets": {}}
        document.apply(update(pattern, placement=placement), QCoreApplication.translate("Editing", "Reset layout"))

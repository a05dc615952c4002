"""The limits of a pattern, in a module light enough for the command line to import at start."""

MAX_FILE_BYTES = 1024 * 1024
MIN_STEPS = 2
MAX_STEPS = 60
#: The most steps of short text that reliably print as an A3 diagram and table sheet (40 do;
#: from 41 on some counts are refused): beyond it, validate warns and export advice says so.
MAX_PRINTED_STEPS = 40
MAX_TEXT = 1000
MAX_TITLE = 200
MAX_QUESTIONS = 20
MAX_ID = 64

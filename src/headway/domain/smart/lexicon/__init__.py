"""Word lists the SMART coach reads goals with, indexed once at import.

`words` holds the word data, `attainable` the parameters the Attainable judgement weighs, and
`index` the lookup tables built from both. Every phrase is stored as lower-case tokens joined by
single spaces, the same way goal text is tokenised, so "full-stack developer" and "full stack
developer" meet in one key.
"""

from .attainable import *  # noqa: F403
from .index import *  # noqa: F403
from .words import *  # noqa: F403

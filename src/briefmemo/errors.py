"""The one exception tree of briefmemo; each class maps to one exit code.

    BriefmemoError            (70, internal)
     ├── UsageError           (2)   bad arguments
     ├── NoInputError         (66)  a path is missing, or no readable article at all
     ├── BadSourceError       (65)  one source cannot be used (caught per file, becomes a warning)
     ├── ModelError           (69)  the spaCy pipeline cannot be loaded
     ├── ConfigError          (78)  briefmemo.toml or a template is wrong
     └── OutputError          (73)  an output cannot be written
"""

from __future__ import annotations


class BriefmemoError(Exception):
    exit_code = 70


class UsageError(BriefmemoError):
    exit_code = 2


class NoInputError(BriefmemoError):
    exit_code = 66


class BadSourceError(BriefmemoError):
    exit_code = 65


class ModelError(BriefmemoError):
    exit_code = 69


class ConfigError(BriefmemoError):
    exit_code = 78


class OutputError(BriefmemoError):
    exit_code = 73

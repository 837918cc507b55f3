"""pydantic-core's compiled validator, loaded without the Python layer of its package.

`import pydantic_core` also imports `core_schema` (3,000 lines of TypedDicts) and
`typing_extensions`: a third of a check's start-up for names only the schema's authors use. The
schemas lipcheck validates with are generated ahead of time (lipcheck.compiled_schemas), so the
extension module alone is enough. It is registered under its own name, so a later
`import pydantic_core` (when a pack is compiled) finds it there and shares its classes.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic_core import PydanticCustomError, SchemaValidator, ValidationError
    from pydantic_core import _pydantic_core as extension
else:
    _NAME = "pydantic_core._pydantic_core"

    def _extension():  # type: ignore[no-untyped-def]
        if _NAME in sys.modules:
            return sys.modules[_NAME]
        import importlib.machinery
        import importlib.util
        import os

        package = importlib.util.find_spec("pydantic_core")
        folders = (package and package.submodule_search_locations) or ()
        for folder in folders:
            for suffix in importlib.machinery.EXTENSION_SUFFIXES:
                path = os.path.join(folder, "_pydantic_core" + suffix)  # noqa: PTH118 - os: no pathlib import
                if os.path.isfile(path):  # noqa: PTH113
                    loader = importlib.machinery.ExtensionFileLoader(_NAME, path)
                    spec = importlib.util.spec_from_file_location(_NAME, path, loader=loader)
                    module = importlib.util.module_from_spec(spec)
                    sys.modules[_NAME] = module
                    try:
                        loader.exec_module(module)
                    except BaseException:
                        del sys.modules[_NAME]
                        raise
                    return module
        import pydantic_core._pydantic_core as found  # an unusual layout: the package's own way

        return found

    extension = _extension()
    PydanticCustomError = extension.PydanticCustomError
    SchemaValidator = extension.SchemaValidator
    ValidationError = extension.ValidationError

__all__ = ["PydanticCustomError", "SchemaValidator", "ValidationError", "extension"]

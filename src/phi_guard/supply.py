"""Supply-chain checks that run before anything else (CONTRACTS 11).

The PyPI name ``phi-guard`` belongs to an unrelated scanner that also installs a ``phi_guard``
package and a ``phi-guard`` command. Where both are installed, one overwrites the other's files
and nobody can tell which code decided: phi-guard refuses to start. (The model's fingerprint
is checked in ``model.py`` before the model loads.)
"""

from __future__ import annotations

import importlib.metadata

from ._errors import ConfigError

CONFLICTING_DISTRIBUTION = "phi-guard"


def refuse_conflicting_distribution() -> None:
    try:
        importlib.metadata.distribution(CONFLICTING_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return
    raise ConfigError(
        "PG901: the unrelated 'phi-guard' distribution is installed in this environment; it "
        "installs a 'phi_guard' package of its own. Uninstall it (pip uninstall phi-guard) and "
        "keep 'phi-guard-lint'."
    )

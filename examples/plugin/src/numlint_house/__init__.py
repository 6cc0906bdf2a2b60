"""House rules of an example newsroom, as a numlint plugin.

Each rule is registered under the entry-point group ``numlint.rules`` in this package's
``pyproject.toml``; installing the package is all it takes for numlint to run it.
"""

from .scale_decimals import ScaleDecimals

__all__ = ["ScaleDecimals"]

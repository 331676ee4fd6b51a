"""The live-kernel oracle: a peer of the model with the same `Program -> Result` shape."""
from __future__ import annotations

from .loader import KernelUnavailable, available, kernel_release, load

__all__ = ["KernelUnavailable", "available", "kernel_release", "load"]

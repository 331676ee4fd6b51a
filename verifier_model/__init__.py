"""verifier_model: a model checker of the Linux BPF verifier's reference-tracking rules."""
__version__ = "0.1.0"

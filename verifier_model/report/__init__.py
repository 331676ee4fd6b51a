"""Output formats shared by the commands (SARIF here; text and JSON live with `check`)."""

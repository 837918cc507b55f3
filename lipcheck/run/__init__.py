"""Running lipcheck: flags and `.lipcheck.yaml` resolved into settings, files found, files checked."""

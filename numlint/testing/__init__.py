"""Tools for testing rules: marked samples, example checking (and the pytest plugin)."""

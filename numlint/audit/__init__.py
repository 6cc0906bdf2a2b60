"""The archive audit: a whole archive checked on local processes or a Dask cluster.

inputs (JSON Lines, Parquet -> partitions) -> work (findings and scaled figures of each
article) -> engines (processes or Dask) -> state (finished partitions, resumable) ->
crossdoc (NL901, the same figure at another scale in another article) -> report (HTML).
``numlint audit`` (:mod:`.command`) runs it; :func:`.run.audit` from Python.
"""

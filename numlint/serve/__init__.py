"""``numlint serve``: numlint behind LanguageTool's HTTP API, alone or in front of a
LanguageTool server (proxy mode). Needs the ``serve`` extra (Starlette, Uvicorn, httpx)."""

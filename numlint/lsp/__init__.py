"""``numlint lsp``: a language server (pygls) giving numlint's findings to any editor.
Needs the ``lsp`` extra (pygls, lsprotocol)."""

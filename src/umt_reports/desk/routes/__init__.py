"""The desk's pages, one module per person: login, secretary (upload and results),
press officer (news preview), archivist (catalogue, document, store, export)."""

"""A fake of the platforms' APIs (Meta Graph, YouTube Data v3, X v2) served over real HTTP."""

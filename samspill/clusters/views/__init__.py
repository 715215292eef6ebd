"""The registry's pages, a module per area; `clusters/urls.py` maps them."""

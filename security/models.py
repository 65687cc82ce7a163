"""No models of its own.

The module exists because Django sends ``post_migrate`` only to apps with a
models module, and this app creates the database cache's table then
(``security.apps.create_cache_tables``).
"""

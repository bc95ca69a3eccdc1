"""Built-in extractors, each a plugin module registered by :mod:`newsparse.plugins`."""

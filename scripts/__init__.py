"""Developer scripts: running the stack, training when needed."""

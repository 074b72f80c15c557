// fouroversix: entry point (placeholder).

// The Neural module; see docs/ARCHITECTURE.md.

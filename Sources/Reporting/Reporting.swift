// The Reporting module; see docs/ARCHITECTURE.md.

// The Backtesting module; see docs/ARCHITECTURE.md.

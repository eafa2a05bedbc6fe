// The Forecasting module; see docs/ARCHITECTURE.md.

"""Benchmarks (`make bench`). Figures are printed and recorded in docs/benchmarks.md by hand."""

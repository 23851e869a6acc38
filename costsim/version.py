"""The version of costsim: a leaf, so reports can name it without importing the package face."""

__version__ = "0.1.0"

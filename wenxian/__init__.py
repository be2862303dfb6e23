"""wenxian (文献): turn raw captures of Chinese articles into clean, annotated, citable articles.

The package is pure functions (text in, data out); only `wenxian.cli` and `wenxian.archive`
touch the file system.
"""
__version__ = "0.1.0"

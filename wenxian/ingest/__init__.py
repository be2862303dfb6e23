"""Capture to article: decoding, unwrapping web archives, cleaning, metadata, damage (wenxian.ingest.pipeline.extract)."""

"""China's administrative divisions: the gazetteer and region recognition."""

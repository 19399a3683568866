"""trialaudit: extract and re-analyse the statistics reported in clinical-trial documents."""

__version__ = "0.1.0"

"""Logging filters, loaded by LOGGING before the apps (so: no Django model import here)."""

import logging


class SkipServiceUnavailable(logging.Filter):
    """Keeps 503 answers (maintenance, failed health check) out of the error mails.

    Django logs every 5xx answer on ``django.request``; while the database is down that would be
    one mail per request. They still reach the console; the health check is the alarm.
    """

    def filter(self, record):
        return getattr(record, "status_code", None) != 503
